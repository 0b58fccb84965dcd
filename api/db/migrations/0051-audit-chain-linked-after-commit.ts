import type { Sequelize, Transaction } from 'sequelize';

// The office chain is linked right after each change commits, by one linker per office at a time, in the
// order events are linked (chain_seq), instead of under an office-wide lock held to the end of every write
// (services/audit/link-office-chain.ts, ARCHITECTURE.md "Audit trail"). An event is written with its
// folder chain and without its office links; the linker fills prev_hash, hash and chain_seq once. Rows
// chained before keep their links and get chain_seq in their seq order.
const statements = [
  'ALTER TABLE audit_events ADD COLUMN chain_seq bigint',
  `UPDATE audit_events AS a SET chain_seq = n.position
   FROM (SELECT seq, row_number() OVER (PARTITION BY office_id ORDER BY seq) AS position FROM audit_events) AS n
   WHERE a.seq = n.seq`,
  'ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL',
  'ALTER TABLE audit_events ALTER COLUMN hash DROP NOT NULL',
  `ALTER TABLE audit_events ADD CONSTRAINT audit_events_office_link
     CHECK ((chain_seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL))`,
  'CREATE UNIQUE INDEX audit_events_office_chain_idx ON audit_events (office_id, chain_seq)',
  'CREATE INDEX audit_events_unlinked_idx ON audit_events (office_id, seq) WHERE chain_seq IS NULL',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
