import { createHash } from 'node:crypto';
import busboy from 'busboy';
import type { Request } from 'express';
import type { IncomingFile, IncomingFiles } from '../services/documents/upload-files.js';
import { HttpProblem } from './problem.js';

export const MAX_FILES_PER_REQUEST = 20;

type Part = ['field', string, string] | ['file', string, string, string];

const fingerprints = new WeakMap<Request, string>();
const received = new WeakMap<Request, number>();

/** Bytes of the body read so far by readMultipartFiles (what the upload metrics count). */
export function receivedBodyBytes(req: Request): number {
  return received.get(req) ?? 0;
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
      const fields: Record<string, string> = {};
      const parts: Part[] = [];
      let chain = Promise.resolve();
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        // The rest of a refused body is not worth reading: answer, then close the connection.
        req.res?.setHeader('Connection', 'close');
        reject(error);
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
            if (!failed) part[3] = await handle(file);
          })
          .catch(fail);
      });
      parser.on('filesLimit', () => fail(new HttpProblem(413, 'too_many_files', `At most ${MAX_FILES_PER_REQUEST} files per request.`)));
      parser.on('partsLimit', () => fail(new HttpProblem(413, 'too_many_parts', 'Too many parts in this request.')));
      parser.on('error', () => fail(new HttpProblem(400, 'invalid_multipart', 'The multipart body is malformed or was cut short.')));
      parser.on('close', () => {
        chain.then(() => {
          if (failed) return;
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
