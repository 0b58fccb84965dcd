import type { Readable } from 'node:stream';
import type { DocumentFileRow } from '../../db/models/document.js';
import { DomainError } from '../../domain/errors.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import type { ServiceContext } from '../context.js';
import { readStoredFile } from '../documents/read-stored-file.js';
import { loadFile } from './load-file.js';

export type FileUse = 'preview' | 'download';

/**
 * The plaintext of a file the actor may see, decrypted and verified as it streams. Preview works in any
 * state (the notary must see a file to review it); download only once validated, as in the guide
 * ("Pour télécharger un document, celui-ci doit d'abord être validé").
 */
export async function openFile(
  ctx: ServiceContext,
  storage: DocumentStorage,
  fileId: string,
  use: FileUse,
): Promise<{ file: DocumentFileRow; stream: Readable }> {
  const file = await loadFile(ctx, fileId);
  if (use === 'download' && file.status !== 'validated') {
    throw new DomainError(
      'forbidden',
      'file_not_validated',
      'A file can be downloaded once it is validated; use preview to see it before.',
    );
  }
  const stream = await readStoredFile(
    {
      storageKey: file.storageKey,
      wrappedDataKey: file.wrappedDataKey,
      masterKeyId: file.masterKeyId,
      sha256: file.sha256,
      size: Number(file.size),
    },
    storage,
  );
  return { file, stream };
}
