import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { type ChainedEvent, chainHash, folderGenesisHash } from '../../domain/audit-chain.js';

// Each folder's events form a chain of their own beside the office's (folder_prev_hash, folder_hash), so a
// proof bundle's journal is checked alone from a genesis derived from the folder id; its head is committed
// in the folder's metadata record (folder_anchors.metadata), which the proof's Merkle tree covers. Folders
// anchored before this migration keep a null record: their bundles stay format version 1.
const statements = [
  'ALTER TABLE audit_events ADD COLUMN folder_prev_hash text',
  'ALTER TABLE audit_events ADD COLUMN folder_hash text',
  'ALTER TABLE folder_anchors ADD COLUMN metadata jsonb',
];

interface Row {
  seq: string;
  id: string;
  office_id: string;
  folder_id: string;
  actor_kind: string;
  actor_id: string | null;
  credential_id: string | null;
  ip: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: unknown;
  occurred_at: Date;
}

const PAGE = 1000;

/** Chains every existing folder event in seq order, a page at a time (the table may be large). */
export async function backfillFolderChains(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  const heads = new Map<string, string>();
  let after = '0';
  for (;;) {
    const rows = await sequelize.query<Row>(
      'SELECT * FROM audit_events WHERE folder_id IS NOT NULL AND seq > :after ORDER BY seq LIMIT :limit',
      { replacements: { after, limit: PAGE }, type: QueryTypes.SELECT, transaction },
    );
    if (rows.length === 0) return;
    const updates = rows.map((row) => {
      const event: ChainedEvent = {
        id: row.id,
        officeId: row.office_id,
        folderId: row.folder_id,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        credentialId: row.credential_id,
        ip: row.ip,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        data: row.data,
        occurredAt: row.occurred_at.toISOString(),
      };
      const prev = heads.get(row.folder_id) ?? folderGenesisHash(row.folder_id);
      const hash = chainHash(prev, event);
      heads.set(row.folder_id, hash);
      return { seq: row.seq, prev, hash };
    });
    await sequelize.query(
      `UPDATE audit_events AS a SET folder_prev_hash = v.prev, folder_hash = v.hash
       FROM unnest(ARRAY[:seqs]::bigint[], ARRAY[:prevs]::text[], ARRAY[:hashes]::text[]) AS v(seq, prev, hash)
       WHERE a.seq = v.seq`,
      {
        replacements: { seqs: updates.map((u) => u.seq), prevs: updates.map((u) => u.prev), hashes: updates.map((u) => u.hash) },
        transaction,
      },
    );
    after = rows[rows.length - 1].seq;
  }
}

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
  await backfillFolderChains(sequelize, transaction);
  // Every folder event is chained from now on; office-wide events (no folder) carry no folder hash.
  await sequelize.query(
    'ALTER TABLE audit_events ADD CONSTRAINT audit_events_folder_chain CHECK ((folder_id IS NULL) = (folder_hash IS NULL) AND (folder_hash IS NULL) = (folder_prev_hash IS NULL))',
    { transaction },
  );
}
