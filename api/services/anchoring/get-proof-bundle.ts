import { DomainError } from '../../domain/errors.js';
import type { ProofStep } from '../../domain/merkle.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import { loadFolder } from '../access/folder-access.js';
import { readAuditRows } from '../audit/audit-rows.js';
import type { ServiceContext } from '../context.js';
import { readStoredFile } from '../documents/read-stored-file.js';
import { buildProofBundle, type ProofBundle } from './build-proof-bundle.js';
import { loadCertifiedFacts } from './certified-facts.js';

/**
 * The proof bundle of an anchored folder, rebuilt on demand from what was recorded when it was anchored:
 * the exact files (by id and hash), the metadata record (format version 2; none for folders anchored before
 * it, whose bundle stays version 1), the folder root, its path in the batch, and the final anchor. The
 * anchor's time is the bundle's time, so two downloads are byte-identical. Clients of the folder may
 * download it too: their documents, their proof.
 */
export async function getProofBundle(ctx: ServiceContext, storage: DocumentStorage, folderId: string): Promise<ProofBundle> {
  const folder = await loadFolder(ctx, folderId);
  const { models } = ctx.db;
  const anchored = await models.FolderAnchor.findByPk(folderId);
  const batch = anchored?.batchId ? await models.AnchorBatch.findByPk(anchored.batchId) : null;
  if (folder.anchorStatus !== 'anchored' || !anchored || !batch?.final || !anchored.batchPath) {
    throw new DomainError(
      'conflict',
      'folder_not_anchored',
      'The proof exists once the folder is anchored; anchoring takes a few minutes.',
    );
  }
  const facts = await loadCertifiedFacts(
    ctx,
    folder,
    anchored.files.map((f) => f.id),
  );
  // The journal is the folder's own chain, exactly as hashed (the office chain's fields ride along).
  const audit = (await readAuditRows(ctx.db.sequelize, 'folder', folderId)).map(({ seq: _seq, ...event }) => event);

  const office = await models.Office.findByPk(folder.officeId);
  return buildProofBundle({
    timeZone: office?.timeZone,
    folder: facts.folder,
    files: facts.files.map(({ row: file, ...names }) => ({
      ...names,
      open: () =>
        readStoredFile(
          {
            storageKey: file.storageKey,
            wrappedDataKey: file.wrappedDataKey,
            masterKeyId: file.masterKeyId,
            sha256: file.sha256,
            size: Number(file.size),
          },
          storage,
        ),
    })),
    metadata: anchored.metadata ?? null,
    audit,
    anchor: batch.final,
    batch: { root: batch.root, folderPath: anchored.batchPath as ProofStep[] },
    folderRoot: anchored.folderRoot,
    generatedAt: batch.final.timestamp,
    timestamp: batch.timestampToken && batch.timestampFacts ? { token: batch.timestampToken, facts: batch.timestampFacts } : null,
  });
}
