import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { DocumentFileRow } from '../db/models/document.js';
import { contentDisposition } from '../services/documents/file-names.js';
import type { FileUse } from '../services/files/open-file.js';

/**
 * Streams a decrypted file to the client. Content-Length is the recorded size, so that a download cut by
 * an integrity failure midway is visibly short; `pipeline` destroys the socket on such a failure. Files
 * come from clients: never let a browser sniff or run them (nosniff, sandbox CSP), never cache them.
 */
export async function sendFile(res: Response, file: DocumentFileRow, stream: NodeJS.ReadableStream, use: FileUse): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(use === 'preview' ? 'inline' : 'attachment', file.originalName));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; plugin-types application/pdf");
  res.setHeader('X-Content-SHA256', file.sha256);
  await pipeline(stream, res);
}
