import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import type { IncomingFile, IncomingFiles } from '../services/documents/upload-files.js';
import { appServices } from './app-services.js';
import { HttpProblem } from './problem.js';

export const MAX_FILES_PER_REQUEST = 20;

type Part = ['field', string, string] | ['file', string, string, string];

const fingerprints = new WeakMap<Request, string>();
const received = new WeakMap<Request, number>();

/** Bytes of the body read so far by readMultipartFiles (what the upload metrics count). */
export function receivedBodyBytes(req: Request): number {
  return received.get(req) ?? 0;
}

/** A restarted process (or another behind the balancer) takes the upload again within seconds. */
const SHUTDOWN_RETRY_AFTER_SECONDS = 5;

function shuttingDown(): HttpProblem {
  return new HttpProblem(503, 'server_shutting_down', 'The server is stopping: send the files again.', undefined, {
    'Retry-After': String(SHUTDOWN_RETRY_AFTER_SECONDS),
  });
}

/**
 * What a multipart body carried, once it has been read to its end with every file handled: SHA-256 over
 * its parts in order (fields with their values; files with their part name, file name and the SHA-256 of
 * their bytes as received). The boundary and part headers do not count: clients pick them anew on each
 * retry. Undefined while the body was not (or not entirely) read.
 */
export function receivedBodyFingerprint(req: Request): string | undefined {
  return fingerprints.get(req);
}

/**
 * Streams the files of a multipart/form-data request to `handle`, one at a time, in order. Form fields
 * describe the file part that follows them: `sha256` (hex SHA-256 computed by the client) applies to the
 * next `file` part only; other fields (`clientId`) stay for the rest of the request.
 *
 * busboy's own per-file size limit is deliberately not used: it truncates silently. The storage pipeline
 * counts bytes itself and refuses the file (413) the moment it goes over.
 *
 * When the process's drain runs out (`AppServices.drainEnded`), the file being stored is destroyed and the
 * request refused with 503 `server_shutting_down` once its storage has removed the temporary blob: the
 * client gets an answer it can retry on, and the stopping process leaves nothing for the hourly sweep.
 */
export function readMultipartFiles(req: Request): IncomingFiles {
  return (handle) =>
    new Promise((resolve, reject) => {
      if (!req.is('multipart/form-data')) {
        reject(new HttpProblem(415, 'unsupported_media_type', 'Send files as multipart/form-data, each in a part named "file".'));
        return;
      }
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: req.headers,
          defParamCharset: 'utf8',
          limits: { files: MAX_FILES_PER_REQUEST, fields: 20, fieldSize: 1024, parts: MAX_FILES_PER_REQUEST + 20 },
        });
      } catch {
        reject(new HttpProblem(400, 'invalid_multipart', 'The multipart body could not be read (missing boundary?).'));
        return;
      }
      const { drainEnded } = appServices(req);
      if (drainEnded?.aborted) {
        req.res?.setHeader('Connection', 'close');
        reject(shuttingDown());
        return;
      }
      const fields: Record<string, string> = {};
      const parts: Part[] = [];
      let chain = Promise.resolve();
      let failed = false;
      /** The file `handle` is reading, if any. */
      let current: Readable | undefined;
      let stopping: HttpProblem | undefined;
      const onDrainEnded = () => {
        stopping = shuttingDown();
        if (current) current.destroy(stopping);
        else fail(stopping);
      };
      drainEnded?.addEventListener('abort', onDrainEnded, { once: true });
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        drainEnded?.removeEventListener('abort', onDrainEnded);
        req.unpipe(parser);
        // The rest of a refused body is not worth reading: answer, then close the connection.
        req.res?.setHeader('Connection', 'close');
        // Stopping: answer only once the file being stored has settled, its temporary blob removed.
        if (stopping) chain.then(() => reject(stopping));
        else reject(error);
      };
      parser.on('field', (name, value) => {
        fields[name] = value;
        parts.push(['field', name, value]);
      });
      parser.on('file', (name, stream, info) => {
        if (failed) {
          stream.resume();
          return;
        }
        if (name !== 'file') {
          stream.resume();
          fail(
            new HttpProblem(422, 'validation_failed', 'Files go in parts named "file".', [{ path: name, message: 'unexpected file part' }]),
          );
          return;
        }
        const sha256 = fields.sha256;
        delete fields.sha256;
        const file: IncomingFile = { fileName: info.filename ?? '', sha256, stream, fields: { ...fields } };
        const part: Part = ['file', name, file.fileName, ''];
        parts.push(part);
        chain = chain
          .then(async () => {
            if (failed) return;
            current = stream;
            try {
              part[3] = await handle(file);
            } finally {
              current = undefined;
            }
          })
          .catch(fail);
      });
      parser.on('filesLimit', () => fail(new HttpProblem(413, 'too_many_files', `At most ${MAX_FILES_PER_REQUEST} files per request.`)));
      parser.on('partsLimit', () => fail(new HttpProblem(413, 'too_many_parts', 'Too many parts in this request.')));
      parser.on('error', () => fail(new HttpProblem(400, 'invalid_multipart', 'The multipart body is malformed or was cut short.')));
      parser.on('close', () => {
        chain.then(() => {
          if (failed) return;
          drainEnded?.removeEventListener('abort', onDrainEnded);
          fingerprints.set(req, createHash('sha256').update(JSON.stringify(parts)).digest('hex'));
          resolve();
        }, fail);
      });
      const aborted = () => fail(new HttpProblem(400, 'upload_aborted', 'The upload was interrupted.'));
      // The client may have gone while authentication awaited the database: its 'aborted' event is past.
      if (req.readableAborted || (req.destroyed && !req.complete)) return aborted();
      req.on('aborted', aborted);
      req.pipe(parser);
      received.set(req, 0);
      req.on('data', (chunk: Buffer) => received.set(req, (received.get(req) ?? 0) + chunk.length));
    });
}
