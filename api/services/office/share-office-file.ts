import type { Readable } from 'node:stream';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { sanitiseFileName } from '../documents/file-names.js';
import { readStoredFile } from '../documents/read-stored-file.js';
import { type StoredUpload, storeUpload } from '../documents/store-upload.js';
import type { IncomingFiles } from '../documents/upload-files.js';
import { recordSharedDocument, type SharedDocument } from './shared-documents.js';

const MAX_LABEL = 200;

/**
 * "Transmettre un document": the office sends one of its own files (a draft deed, a fee estimate) to every
 * client of the folder. The bytes are checked and encrypted like clients' files; the client gets a frozen
 * copy (the office file is never changed afterwards) and an e-mail. An optional `label` field, before the
 * file, names it for the client (default: the file's name). One file per request; nothing is kept on failure.
 */
export async function shareOfficeFile(
  ctx: ServiceContext,
  storage: DocumentStorage,
  folderId: string,
  incoming: IncomingFiles,
): Promise<SharedDocument> {
  requireStaff(ctx);
  await loadFolder(ctx, folderId); // a foreign folder is refused before a byte is stored
  let stored: { upload: StoredUpload; name: string; label: string } | undefined;
  try {
    await incoming(async (file) => {
      if (stored)
        throw new DomainError('invalid', 'too_many_files', 'Send one document at a time.', [{ path: 'file', message: 'one file' }]);
      const label = (file.fields.label ?? '').trim();
      if (label.length > MAX_LABEL) {
        throw new DomainError('invalid', 'validation_failed', 'The label is too long.', [
          { path: 'label', message: `at most ${MAX_LABEL} characters` },
        ]);
      }
      const upload = await storeUpload(file.stream, {
        maxBytes: storage.maxUploadBytes,
        expectedSha256: file.sha256,
        blobStore: storage.blobStore,
        cipher: storage.cipher,
      });
      const name = sanitiseFileName(file.fileName);
      stored = { upload, name, label: label || name };
      return upload.sha256;
    });
    const document = stored;
    if (!document) {
      throw new DomainError('invalid', 'no_file', 'Send the document in a part named "file".', [{ path: 'file', message: 'required' }]);
    }
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const folder = await loadFolder(ctx, folderId, transaction);
      const { upload, name, label } = document;
      const file = await ctx.db.models.OfficeFile.create(
        {
          id: newId('ofl'),
          officeId: ctx.actor.officeId,
          originalName: name,
          contentType: upload.detectedType,
          size: upload.size,
          sha256: upload.sha256,
          storageKey: upload.storageKey,
          wrappedDataKey: upload.wrappedDataKey,
          masterKeyId: upload.masterKeyId,
          createdAt: new Date(),
        },
        { transaction },
      );
      return recordSharedDocument(ctx, transaction, folder.id, {
        kind: 'file',
        bankDetailsId: null,
        officeFileId: file.id,
        label,
        snapshot: { name, contentType: upload.detectedType, size: String(upload.size), sha256: upload.sha256 },
        audit: { kind: 'file', sha256: upload.sha256, name },
      });
    });
  } catch (error) {
    // A blob whose records did not commit would be an orphan: remove it now.
    if (stored) await storage.blobStore.delete(stored.upload.storageKey).catch(() => {});
    throw error;
  }
}

/** The bytes of a document the office sent, to whoever may read the folder's shared documents. */
export async function openSharedFile(
  ctx: ServiceContext,
  storage: DocumentStorage,
  sharedId: string,
): Promise<{ name: string; contentType: string; size: number; sha256: string; stream: Readable }> {
  const row = await ctx.db.models.SharedDocument.findOne({ where: { id: sharedId, officeId: ctx.actor.officeId } });
  if (row?.kind !== 'file' || !row.officeFileId) throw notFound('shared_document');
  await loadFolder(ctx, row.folderId).catch(() => {
    throw notFound('shared_document');
  });
  const file = await ctx.db.models.OfficeFile.findOne({
    where: { id: row.officeFileId, officeId: ctx.actor.officeId },
    rejectOnEmpty: true,
  });
  const size = Number(file.size);
  const stream = await readStoredFile(
    { storageKey: file.storageKey, wrappedDataKey: file.wrappedDataKey, masterKeyId: file.masterKeyId, sha256: file.sha256, size },
    storage,
  );
  return { name: file.originalName, contentType: file.contentType, size, sha256: file.sha256, stream };
}
