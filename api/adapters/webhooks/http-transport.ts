import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { type AddressPolicy, forbiddenAddressReason } from '../../domain/address-policy.js';
import type { TransportError, WebhookRequest, WebhookResponse, WebhookTransport } from '../../ports/webhook-transport.js';

export interface HttpTransportOptions extends AddressPolicy {
  /** The whole exchange, connection to last byte read. The product's rule is 15 s; tests pass less. */
  timeoutMs?: number;
  /** Bytes of the answer kept for the attempts log; the rest is not read. */
  maxBodyBytes?: number;
  /**
   * Connections kept open to one receiver. At least the deliverer's concurrency: a request waiting for a
   * socket spends its timeout waiting.
   */
  maxSocketsPerHost?: number;
  /** Replaces DNS (tests). Same contract as `dns.lookup`. */
  lookup?: typeof dnsLookup;
}

class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
}

/**
 * The address check happens inside the socket's own DNS lookup: the address judged is the address
 * connected to. Checking a name and then letting the socket resolve it again would let a DNS answer
 * that changes in between (DNS rebinding) slip a private address through.
 */
function guardedLookup(policy: AddressPolicy, resolve: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const reason = forbiddenAddressReason(address, policy);
        if (reason) return callback(new BlockedAddressError(`${hostname}: ${reason}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function classify(error: NodeJS.ErrnoException): TransportError {
  if (error instanceof BlockedAddressError || error.code === 'EBLOCKEDADDRESS') return 'blocked_address';
  if (error.code === 'ECONNREFUSED') return 'connection_refused';
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'dns';
  if (error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT')) return 'tls';
  return 'network';
}

/**
 * A kept-alive connection the receiver closed while it sat idle fails the next request written on it,
 * before the receiver read a byte: the receiver's idle timeout and our reuse crossed. That is not the
 * receiver failing; the request goes again on a new connection, at once, and only a failure there counts
 * (a real attempt, retried on the schedule). Bounded: every socket in the pool may have gone stale at once.
 */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);
const MAX_STALE_RETRIES = 3;

/** Webhook POSTs over node:http(s): no redirect is ever followed (a 3xx is an answer, and a failure). */
export function httpWebhookTransport(options: HttpTransportOptions): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  const lookup = guardedLookup(options, options.lookup ?? dnsLookup);
  // keepAlive: a busy receiver gets its connections reused, not one per message.
  const maxSockets = options.maxSocketsPerHost ?? 64;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };

  return {
    post(request: WebhookRequest): Promise<WebhookResponse> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      return new Promise<WebhookResponse>((resolve) => {
        let settled = false;
        let current: http.ClientRequest | undefined;
        const settle = (result: WebhookResponse) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(result);
        };
        const url = new URL(request.url);
        // An IP literal never goes through lookup(): judge it here.
        const literal = url.hostname.replace(/^\[|\]$/g, '');
        if (isIP(literal)) {
          const reason = forbiddenAddressReason(literal, options);
          if (reason) return settle({ kind: 'error', error: 'blocked_address', message: reason, durationMs: 0 });
        }
        const protocol = url.protocol === 'https:' ? https : http;
        const timer = setTimeout(() => {
          current?.destroy();
          settle({ kind: 'error', error: 'timeout', message: `no complete answer within ${timeoutMs} ms`, durationMs: elapsed() });
        }, timeoutMs);

        const send = (staleRetries: number): void => {
          const req = protocol.request(url, {
            method: 'POST',
            agent: agents[url.protocol as 'http:' | 'https:'],
            lookup,
            headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
          });
          current = req;
          let answered = false;
          req.on('error', (error: NodeJS.ErrnoException) => {
            if (settled) return;
            if (!answered && req.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '') && staleRetries < MAX_STALE_RETRIES) {
              send(staleRetries + 1);
              return;
            }
            settle({ kind: 'error', error: classify(error), message: error.message, durationMs: elapsed() });
          });
          req.on('response', (res) => {
            answered = true;
            const chunks: Buffer[] = [];
            let kept = 0;
            const finish = () =>
              settle({
                kind: 'response',
                status: res.statusCode ?? 0,
                retryAfter: typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined,
                body: Buffer.concat(chunks).toString('utf8'),
                durationMs: elapsed(),
              });
            res.on('data', (chunk: Buffer) => {
              if (kept < maxBodyBytes) chunks.push(chunk.subarray(0, maxBodyBytes - kept));
              kept += chunk.length;
              // Enough to log: stop reading a large answer (the socket is not reused then).
              if (kept >= maxBodyBytes) {
                finish();
                res.destroy();
              }
            });
            res.on('end', finish);
            res.on('error', finish);
          });
          req.end(request.body);
        };
        send(0);
      });
    },
  };
}
