import type { Readable } from 'node:stream';
import { DomainError } from '../../domain/errors.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import type { ServiceContext } from '../context.js';
import { type FileTarget, recordDocumentFile, resolveFileTarget } from '../files/record-document-file.js';
import type { DocumentFile } from '../files/views.js';
import { sanitiseFileName } from './file-names.js';
import { type StoredUpload, storeUpload } from './store-upload.js';

/** One file of a multipart upload, as the HTTP layer reads it: its bytes are still on the wire. */
export interface IncomingFile {
  fileName: string;
  /** The SHA-256 the client computed before sending, if it did (hex). */
  sha256: string | undefined;
  stream: Readable;
  /** Form fields seen so far (e.g. `clientId` for an extra file sent by a member). */
  fields: Record<string, string>;
}

/**
 * Calls `handle` for each file in order, waiting for each; resolves once the whole body was read.
 * `handle` resolves with the hex SHA-256 of the bytes it read: the HTTP layer fingerprints the request
 * with it (idempotency) without hashing every byte a second time.
 */
export type IncomingFiles = (handle: (file: IncomingFile) => Promise<string>) => Promise<void>;

/**
 * Stores the files of one upload request, then records them all in one transaction: the request as a
 * whole succeeds or leaves nothing (no record, no blob). Where the files go is checked before the
 * first byte is stored; each file's type, size and hash while it streams.
 */
export async function uploadFiles(
  ctx: ServiceContext,
  storage: DocumentStorage,
  target: (fields: Record<string, string>) => FileTarget,
  incoming: IncomingFiles,
): Promise<DocumentFile[]> {
  const stored: Array<{ upload: StoredUpload; name: string }> = [];
  let where: Awaited<ReturnType<typeof resolveFileTarget>> | undefined;
  try {
    await incoming(async (file) => {
      where ??= await resolveFileTarget(ctx, target(file.fields));
      const upload = await storeUpload(file.stream, {
        maxBytes: storage.maxUploadBytes,
        expectedSha256: file.sha256,
        blobStore: storage.blobStore,
        cipher: storage.cipher,
      });
      stored.push({ upload, name: sanitiseFileName(file.fileName) });
      return upload.sha256;
    });
    const destination = where;
    if (!destination || stored.length === 0) {
      throw new DomainError('invalid', 'no_file', 'Send at least one file in a part named "file".', [
        { path: 'file', message: 'required' },
      ]);
    }
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const files: DocumentFile[] = [];
      for (const { upload, name } of stored) {
        files.push(
          await recordDocumentFile(
            ctx,
            destination,
            {
              originalName: name,
              contentType: upload.detectedType,
              size: upload.size,
              sha256: upload.sha256,
              sha256Source: upload.sha256Source,
              storageKey: upload.storageKey,
              wrappedDataKey: upload.wrappedDataKey,
              masterKeyId: upload.masterKeyId,
            },
            transaction,
          ),
        );
      }
      return files;
    });
  } catch (error) {
    // Blobs whose records did not commit would be orphans: remove them now rather than wait for the sweeper.
    await Promise.allSettled(stored.map(({ upload }) => storage.blobStore.delete(upload.storageKey)));
    throw error;
  }
}
