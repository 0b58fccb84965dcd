import { Op } from 'sequelize';
import { DomainError } from '../../domain/errors.js';
import type { ProofStep } from '../../domain/merkle.js';
import type { DocumentStorage } from '../../ports/document-storage.js';
import { loadFolder } from '../access/folder-access.js';
import { readAuditRows } from '../audit/audit-rows.js';
import type { ServiceContext } from '../context.js';
import { readStoredFile } from '../documents/read-stored-file.js';
import { buildProofBundle, type ProofBundle } from './build-proof-bundle.js';

/**
 * The proof bundle of an anchored folder, rebuilt on demand from what was recorded when it was anchored:
 * the exact files (by id and hash), the folder root, its path in the batch, and the final anchor. The
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
  const ids = anchored.files.map((f) => f.id);
  const files = await models.DocumentFile.findAll({ where: { id: { [Op.in]: ids }, folderId } });
  const clients = await models.Client.findAll({ where: { id: { [Op.in]: [...new Set(files.map((f) => f.clientId))] } } });
  const requests = await models.DocumentRequest.findAll({
    where: { id: { [Op.in]: files.flatMap((f) => (f.requestId ? [f.requestId] : [])) } },
  });
  const office = await models.Office.findByPk(folder.officeId, { rejectOnEmpty: true });
  const deedType = await models.DeedType.findByPk(folder.deedTypeId, { rejectOnEmpty: true });
  const notary = await models.Member.findOne({
    where: { officeId: folder.officeId, role: 'notary', status: 'active' },
    order: [['id', 'ASC']],
  });
  const audit = (await readAuditRows(ctx.db.sequelize, 'folder', folderId)).map(({ seq: _seq, ...event }) => event);

  return buildProofBundle({
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      officeName: office.name,
      notaryName: notary ? `${notary.firstName} ${notary.lastName}` : office.name,
      deedTypeLabel: deedType.label,
    },
    files: files.map((file) => {
      const client = clients.find((c) => c.id === file.clientId);
      return {
        id: file.id,
        clientName: client ? `${client.lastName} ${client.firstName}` : 'Client',
        documentTypeLabel: requests.find((r) => r.id === file.requestId)?.label ?? 'Documents supplémentaires',
        fileName: file.originalName,
        sha256: file.sha256,
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
      };
    }),
    audit,
    anchor: batch.final,
    batch: { root: batch.root, folderPath: anchored.batchPath as ProofStep[] },
    folderRoot: anchored.folderRoot,
    generatedAt: batch.final.timestamp,
    timestamp: batch.timestampToken && batch.timestampFacts ? { token: batch.timestampToken, facts: batch.timestampFacts } : null,
  });
}
