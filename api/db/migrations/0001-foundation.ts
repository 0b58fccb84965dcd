import type { Sequelize, Transaction } from 'sequelize';

// Ids are opaque prefixed strings made by api/domain/ids.ts (time-ordered, so `ORDER BY id` is creation
// order and a cursor is just the last id seen). Every tenant-owned row carries office_id.
const statements = [
  `CREATE TABLE offices (
    id text PRIMARY KEY,
    name text NOT NULL,
    crpcen text NOT NULL UNIQUE,
    address text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE members (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    idnot_subject text UNIQUE,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text NOT NULL,
    role text NOT NULL CHECK (role IN ('notary', 'collaborator')),
    status text NOT NULL CHECK (status IN ('pending', 'active')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX members_office_idx ON members (office_id, id)',
  `CREATE TABLE api_keys (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    created_by_member_id text REFERENCES members(id),
    name text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('live', 'test')),
    display_prefix text NOT NULL,
    secret_hash text NOT NULL UNIQUE,
    last_used_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX api_keys_office_idx ON api_keys (office_id, id)',
  `CREATE TABLE deed_types (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    label text NOT NULL,
    label_en text NOT NULL,
    position integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE document_types (
    id text PRIMARY KEY,
    office_id text REFERENCES offices(id),
    code text UNIQUE,
    label text NOT NULL,
    label_en text,
    description text,
    normalized_label text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // A label is unique within the global catalogue and within each office; NULLS NOT DISTINCT makes the
  // global catalogue (office_id NULL) one group too.
  'CREATE UNIQUE INDEX document_types_label_uq ON document_types (office_id, normalized_label) NULLS NOT DISTINCT',
  `CREATE TABLE deed_type_document_types (
    deed_type_id text NOT NULL REFERENCES deed_types(id),
    document_type_id text NOT NULL REFERENCES document_types(id),
    position integer NOT NULL,
    PRIMARY KEY (deed_type_id, document_type_id)
  )`,
  `CREATE TABLE folders (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    number text NOT NULL,
    title text NOT NULL,
    deed_type_id text NOT NULL REFERENCES deed_types(id),
    note text NOT NULL DEFAULT '',
    access text NOT NULL DEFAULT 'office' CHECK (access IN ('office', 'members')),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'archived')),
    search_text text NOT NULL DEFAULT '',
    version integer NOT NULL DEFAULT 1,
    created_by text,
    archived_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (office_id, number)
  )`,
  'CREATE INDEX folders_office_status_idx ON folders (office_id, status, id DESC)',
  `CREATE TABLE idempotency_keys (
    scope text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    state text NOT NULL CHECK (state IN ('running', 'done')),
    status_code integer,
    response_headers jsonb,
    response_body bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
  )`,
  'CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
