import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../../ports/clock.js';

/**
 * A vendor's receiver on loopback, as the docs tell vendors to write one: it verifies every delivery
 * from the raw body with the `standardwebhooks` package (not with our code), then answers whatever the
 * test scripts. It lives in the test's time: the signature's timestamp is judged against the test clock.
 */
export interface Delivery {
  webhookId: string;
  timestamp: number;
  signature: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  event: { type: string; timestamp: string; data: Record<string, unknown> };
  receivedAt: Date;
  /** Which of the receiver's secrets verified it (a rotation gives several). */
  verifiedWith: string[];
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow receiver). */
  delayMs?: number;
  /** Called as the answer is written: before the deliverer can have read it. */
  onAnswer?: () => void;
}

export interface TestReceiver {
  url: string;
  /** Deliveries that verified, in arrival order. */
  deliveries: Delivery[];
  /** Requests whose signature did not verify with any secret (should stay empty). */
  rejected: Array<{ headers: IncomingHttpHeaders; body: string; reason: string }>;
  /** Every request that reached the server, verified or not. */
  hits: number;
  secrets: string[];
  reply: (delivery: Delivery) => Reply;
  stop(): Promise<void>;
  /** Starts again on the same port after stop() (a receiver coming back up). */
  restart(): Promise<void>;
}

function verify(secret: string, body: string, headers: IncomingHttpHeaders, clock: Clock): boolean {
  const realNow = Date.now;
  // standardwebhooks checks the timestamp against Date.now(): let it read the test's time (synchronous).
  Date.now = () => clock.now().getTime();
  try {
    new Webhook(secret).verify(body, headers as Record<string, string>);
    return true;
  } catch {
    return false;
  } finally {
    Date.now = realNow;
  }
}

export async function startTestReceiver(clock: Clock, secrets: string[] = []): Promise<TestReceiver> {
  let port = 0;
  let server: Server;
  const receiver: TestReceiver = {
    url: '',
    deliveries: [],
    rejected: [],
    hits: 0,
    secrets,
    reply: () => ({ status: 204 }),
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
    async restart() {
      await listen();
    },
  };
  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        receiver.hits++;
        const body = Buffer.concat(chunks).toString('utf8');
        const verifiedWith = receiver.secrets.filter((s) => verify(s, body, req.headers, clock));
        if (verifiedWith.length === 0) {
          receiver.rejected.push({ headers: req.headers, body, reason: 'no secret verifies it' });
          res.writeHead(400).end('bad signature');
          return;
        }
        const delivery: Delivery = {
          webhookId: String(req.headers['webhook-id']),
          timestamp: Number(req.headers['webhook-timestamp']),
          signature: String(req.headers['webhook-signature']),
          headers: req.headers,
          rawBody: body,
          event: JSON.parse(body),
          receivedAt: clock.now(),
          verifiedWith,
        };
        receiver.deliveries.push(delivery);
        const reply = receiver.reply(delivery);
        const answer = () => {
          if (res.destroyed) return;
          reply.onAnswer?.();
          res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
        else answer();
      });
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    receiver.url = `http://127.0.0.1:${port}/lecoffre/webhooks`;
  };
  await listen();
  return receiver;
}
