import { Op, UniqueConstraintError } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { AnchorBatchRow } from '../../db/models/anchoring.js';
import { newId } from '../../domain/ids.js';
import { canonicalFolderOrder, MerkleTree } from '../../domain/merkle.js';

/**
 * Gathers up to `maxBatch` waiting folders (oldest request first) into a new batch: its root is the Merkle
 * root of their folder roots, and each folder keeps its path up to it. Returns null when fewer than
 * `minFolders` wait (a cycle woken for a full batch finds it already taken), or the batch another worker
 * opened at the same moment (one batch in flight, enforced by a unique index).
 */
export async function openAnchorBatch(db: Database, network: string, maxBatch: number, minFolders = 1): Promise<AnchorBatchRow | null> {
  const { AnchorBatch, FolderAnchor, Folder } = db.models;
  try {
    return await db.sequelize.transaction(async (transaction) => {
      const waiting = await FolderAnchor.findAll({
        where: { batchId: { [Op.is]: null }, anchoredAt: { [Op.is]: null } },
        order: [['requestedAt', 'ASC']],
        limit: maxBatch,
        lock: transaction.LOCK.UPDATE,
        skipLocked: true,
        transaction,
      });
      if (waiting.length === 0 || waiting.length < minFolders) return null;
      const ordered = canonicalFolderOrder(waiting.map((w) => ({ id: w.folderId, root: w.folderRoot })));
      const tree = MerkleTree.build(ordered.map((f) => f.root));
      const batch = await AnchorBatch.create(
        { id: newId('bat'), network, status: 'open', root: tree.rootHex, folderCount: ordered.length },
        { transaction },
      );
      const paths = ordered.map((f, index) => ({ id: f.id, path: JSON.stringify(tree.proof(index)) }));
      // One statement for the whole batch: a thousand folders are one round trip, not a thousand.
      await db.sequelize.query(
        `UPDATE folder_anchors AS fa SET batch_id = :batchId, batch_path = v.path::jsonb
         FROM unnest(ARRAY[:ids]::text[], ARRAY[:paths]::text[]) AS v(id, path) WHERE fa.folder_id = v.id`,
        { replacements: { batchId: batch.id, ids: paths.map((p) => p.id), paths: paths.map((p) => p.path) }, transaction },
      );
      // Folders that failed before are being anchored again.
      await Folder.update({ anchorStatus: 'anchoring', anchorError: null }, { where: { id: paths.map((p) => p.id) }, transaction });
      return batch;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return AnchorBatch.findOne({ where: { status: ['open', 'submitted'] } });
    throw error;
  }
}

/** Folders that asked to be anchored and are in no batch yet. */
export async function countWaitingFolders(db: Database): Promise<number> {
  return db.models.FolderAnchor.count({ where: { batchId: { [Op.is]: null }, anchoredAt: { [Op.is]: null } } });
}
