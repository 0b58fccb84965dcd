import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { IncomingFile } from '../services/documents/upload-files.js';
import {
  abandonIdempotent,
  beginIdempotent,
  completeIdempotent,
  IDEMPOTENCY_LEASE_SECONDS,
  renewIdempotent,
} from '../services/idempotency/idempotency-store.js';
import { appServices, holdIdempotencyClaim } from './app-services.js';
import { discardBody } from './discard-body.js';
import { readSessionCookie } from './hosted/session-cookie.js';
import { readMultipartFiles, receivedBodyFingerprint } from './multipart.js';
import { HttpProblem } from './problem.js';
import { requestLogger } from './request-context.js';

// Headers worth replaying: the rest (dates, request ids, rate limits) describe the new request.
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

// Room for the multipart boundaries and part headers around a file of the largest accepted size.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const keyReused = () => new HttpProblem(409, 'idempotency_key_reused', 'This Idempotency-Key was already used with another request.');

/**
 * Reads an upload's body to its end, hashing its files and storing nothing, for its fingerprint. A file
 * over the size limit cannot be one the first request stored: refused without reading further.
 */
async function fingerprintWithoutStoring(req: Request, maxBytes: number): Promise<string | undefined> {
  const hashOnly = async (file: IncomingFile) => {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of file.stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw keyReused();
      hash.update(chunk);
    }
    return hash.digest('hex');
  };
  await readMultipartFiles(req)(hashOnly);
  return receivedBodyFingerprint(req);
}

/**
 * `Idempotency-Key` on POST: the same key with the same body gets the first answer again (marked
 * `Idempotent-Replayed: true`); the same key with another body is a 409. Keys are scoped to the
 * credential that sent them, so two vendors cannot collide. 5xx answers are not kept: a retry runs again.
 *
 * Uploads (multipart) stream past this check, so their body is compared on the bytes received, never on
 * what the client declared: the first request records its fingerprint once its body is read (see
 * `receivedBodyFingerprint`); a later one is read and hashed without storing anything, then replayed or
 * refused. An upload refused before its body was read to the end stored nothing and its fingerprint is
 * unknown: its key is released, as for a 5xx.
 *
 * The claim lasts as long as the handler runs, not as long as the connection: a client that hangs up does
 * not release a key whose write may still commit. The write marks the claim in its own transaction (see
 * `markIdempotentWrite`), so a key whose write committed is never run again, even if the process dies
 * before the answer is stored: a retry then gets 409 `idempotency_key_answer_lost`.
 */
export function idempotency(db: Database, config: Config): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    // Sign-in calls are anonymous: their callers share no credential to scope a key by, and replaying
    // someone else's sign-in answer would hand out their session. They are not idempotent by key.
    if (req.method !== 'POST' || key === undefined || req.path.startsWith('/client-auth/')) return next();
    try {
      if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
        throw new HttpProblem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
      }
      // The caller's credential: its bearer token, or the hosted pages' session cookie.
      const scope = sha256(`${req.get('authorization') ?? ''}\n${readSessionCookie(req, config) ?? ''}`);
      const upload = Boolean(req.is('multipart/form-data'));
      // An upload's body is not read yet: here it counts by its kind only, and its bytes once read.
      const fingerprint = upload
        ? 'multipart/form-data'
        : req.is('application/json')
          ? JSON.stringify(req.body ?? null)
          : `${req.get('content-length') ?? ''}:${req.get('x-content-sha256') ?? ''}`;
      const requestHash = sha256(`${req.method} ${req.originalUrl}\n${fingerprint}`);
      const begun = await beginIdempotent(db, scope, key, requestHash);
      // An upload refused here is read to its end and discarded before the answer is sent, so that the
      // client, still sending, receives the answer instead of a reset connection (see discardBody).
      // A body larger than any upload could be is not worth reading: answer, then close the connection.
      if (upload && (begun.outcome === 'mismatch' || begun.outcome === 'in_progress' || begun.outcome === 'answer_lost')) {
        const limit = (appServices(req).storage?.maxUploadBytes ?? config.documents.maxUploadBytes) + MULTIPART_OVERHEAD_BYTES;
        const declared = Number(req.get('content-length') ?? Number.NaN);
        const drained = !(declared > limit) && (await discardBody(req, limit));
        if (!drained) res.setHeader('Connection', 'close');
      }
      if (begun.outcome === 'mismatch') throw keyReused();
      if (begun.outcome === 'answer_lost') {
        throw new HttpProblem(
          409,
          'idempotency_key_answer_lost',
          'The request sent with this Idempotency-Key was carried out, but its answer was lost when the server handling it stopped. Read the resource to see its state; do not send it again under a new key.',
        );
      }
      if (begun.outcome === 'in_progress') {
        throw new HttpProblem(
          409,
          'idempotency_key_in_use',
          'A request with this Idempotency-Key is still running; retry after Retry-After seconds.',
          undefined,
          // When the claim lapses if its process is gone: a retry then takes it over instead of waiting again.
          { 'Retry-After': String(begun.retryAfterSeconds) },
        );
      }
      if (begun.outcome === 'replay') {
        if (upload) {
          const maxBytes = appServices(req).storage?.maxUploadBytes ?? config.documents.maxUploadBytes;
          const received = await fingerprintWithoutStoring(req, maxBytes);
          if (begun.bodyHash === null || received !== begun.bodyHash) throw keyReused();
        }
        for (const [name, value] of Object.entries(begun.response.headers)) res.setHeader(name, value);
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(begun.response.statusCode).end(begun.response.body);
        return;
      }

      // The outcome is recorded before the answer leaves, so that a retry sent the moment the client
      // sees it (a 503, say) already finds the key released or the answer stored.
      const { claim } = begun;
      holdIdempotencyClaim(res, claim);
      let settled = false;
      const renewal = setInterval(
        () => {
          renewIdempotent(db, claim).catch((error: unknown) =>
            requestLogger(req)?.warn({ err: error }, 'idempotency lease renewal failed'),
          );
        },
        (IDEMPOTENCY_LEASE_SECONDS * 1000) / 4,
      );
      renewal.unref();
      const record = (statusCode: number, body: Buffer): Promise<void> => {
        settled = true;
        clearInterval(renewal);
        const bodyHash = upload ? receivedBodyFingerprint(req) : null;
        return statusCode < 500 && bodyHash !== undefined
          ? completeIdempotent(
              db,
              claim,
              {
                statusCode,
                headers: Object.fromEntries(
                  REPLAYED_HEADERS.flatMap((h) => (res.getHeader(h) === undefined ? [] : [[h, String(res.getHeader(h))]])),
                ),
                body,
              },
              bodyHash,
            )
          : abandonIdempotent(db, claim);
      };
      // Every answer ends here (send() and json() too), even one written to a connection already closed:
      // the handler's outcome is what gets recorded, whether or not the client is still there to read it.
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        if (settled) return end(...args);
        const [chunk, encoding] = args;
        const body =
          typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
            : Buffer.isBuffer(chunk)
              ? chunk
              : Buffer.alloc(0);
        record(res.statusCode, body)
          .catch((error: unknown) => requestLogger(req)?.error({ err: error }, 'idempotency bookkeeping failed'))
          .finally(() => end(...args));
        return res;
      }) as typeof res.end;
      next();
    } catch (error) {
      next(error);
    }
  };
}
