import type { Sequelize, Transaction } from 'sequelize';

// Anchoring: a folder at 100% asks to be anchored (folder_anchors, with the exact files it certifies);
// the batching job gathers waiting folders into one batch whose Merkle root goes on chain in one operation.
const statements = [
  `ALTER TABLE folders ADD COLUMN anchor_status text CHECK (anchor_status IN ('anchoring', 'anchored', 'anchoring_failed'))`,
  'ALTER TABLE folders ADD COLUMN anchor_error text',
  `CREATE TABLE anchor_batches (
    id text PRIMARY KEY,
    network text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'submitted', 'final', 'failed')),
    root text NOT NULL,
    folder_count integer NOT NULL,
    -- The signed operation, persisted BEFORE injection: after a crash it is found again by its hash.
    prepared jsonb,
    final jsonb,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    finalised_at timestamptz
  )`,
  // At most one batch in flight: a second worker, or a retried job, cannot start another beside it.
  `CREATE UNIQUE INDEX anchor_batches_one_in_flight ON anchor_batches ((true)) WHERE status IN ('open', 'submitted')`,
  `CREATE TABLE folder_anchors (
    folder_id text PRIMARY KEY REFERENCES folders(id),
    office_id text NOT NULL REFERENCES offices(id),
    folder_root text NOT NULL,
    -- The validated files the root was built from: [{ id, sha256 }], so the proof is rebuilt from them.
    files jsonb NOT NULL,
    batch_id text REFERENCES anchor_batches(id),
    batch_path jsonb,
    requested_at timestamptz NOT NULL DEFAULT now(),
    anchored_at timestamptz,
    failures integer NOT NULL DEFAULT 0,
    last_error text
  )`,
  'CREATE INDEX folder_anchors_waiting_idx ON folder_anchors (requested_at) WHERE batch_id IS NULL AND anchored_at IS NULL',
  'CREATE INDEX folder_anchors_batch_idx ON folder_anchors (batch_id)',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
