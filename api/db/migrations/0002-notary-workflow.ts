import type { Sequelize, Transaction } from 'sequelize';

// The notary workflow of the guide: clients, who may see a folder, document requests, file records and
// their review, the office's bank details and what it shares, the audit trail and the webhook outbox.
const statements = [
  `CREATE TABLE clients (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    last_name text NOT NULL,
    first_name text NOT NULL,
    email text NOT NULL,
    email_normalized text NOT NULL,
    mobile text NOT NULL,
    language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    search_text text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (office_id, email_normalized)
  )`,
  'CREATE INDEX clients_office_idx ON clients (office_id, id DESC)',
  'CREATE INDEX clients_email_idx ON clients (email_normalized)',
  `CREATE TABLE folder_clients (
    folder_id text NOT NULL REFERENCES folders(id),
    client_id text NOT NULL REFERENCES clients(id),
    office_id text NOT NULL REFERENCES offices(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (folder_id, client_id)
  )`,
  'CREATE INDEX folder_clients_client_idx ON folder_clients (client_id)',
  `CREATE TABLE folder_members (
    folder_id text NOT NULL REFERENCES folders(id),
    member_id text NOT NULL REFERENCES members(id),
    office_id text NOT NULL REFERENCES offices(id),
    PRIMARY KEY (folder_id, member_id)
  )`,
  'CREATE INDEX folder_members_member_idx ON folder_members (member_id)',
  `CREATE TABLE document_requests (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text NOT NULL REFERENCES folders(id),
    client_id text NOT NULL REFERENCES clients(id),
    document_type_id text REFERENCES document_types(id),
    label text NOT NULL,
    note text NOT NULL DEFAULT '',
    due_date date,
    status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'submitted', 'validated')),
    cancelled_at timestamptz,
    requested_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX document_requests_folder_idx ON document_requests (folder_id, client_id) WHERE cancelled_at IS NULL',
  `CREATE TABLE document_files (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text NOT NULL REFERENCES folders(id),
    client_id text NOT NULL REFERENCES clients(id),
    request_id text REFERENCES document_requests(id),
    original_name text NOT NULL,
    content_type text NOT NULL,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    sha256_source text NOT NULL CHECK (sha256_source IN ('client', 'server')),
    storage_key text NOT NULL UNIQUE,
    wrapped_data_key text NOT NULL,
    master_key_id text NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'validated', 'refused')),
    refusal_reason text,
    reviewed_by text,
    reviewed_at timestamptz,
    uploaded_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX document_files_folder_idx ON document_files (folder_id, status)',
  'CREATE INDEX document_files_request_idx ON document_files (request_id)',
  `CREATE TABLE office_bank_details (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    label text NOT NULL,
    holder text NOT NULL,
    iban text NOT NULL,
    bic text,
    file_id text,
    deleted_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX office_bank_details_office_idx ON office_bank_details (office_id) WHERE deleted_at IS NULL',
  // Office documents (a RIB's PDF, a shared file) are stored like client files but belong to the office.
  `CREATE TABLE office_files (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    original_name text NOT NULL,
    content_type text NOT NULL,
    size bigint NOT NULL,
    sha256 text NOT NULL,
    storage_key text NOT NULL UNIQUE,
    wrapped_data_key text NOT NULL,
    master_key_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE shared_documents (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text NOT NULL REFERENCES folders(id),
    kind text NOT NULL CHECK (kind IN ('bank_details', 'file')),
    bank_details_id text REFERENCES office_bank_details(id),
    office_file_id text REFERENCES office_files(id),
    label text NOT NULL,
    -- What the client was shown, frozen at sharing time: editing the office's RIB later never changes
    -- a RIB a client already received (RIB substitution is the fraud this product exists to stop).
    snapshot jsonb NOT NULL DEFAULT '{}',
    shared_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'bank_details') = (bank_details_id IS NOT NULL)),
    CHECK ((kind = 'file') = (office_file_id IS NOT NULL))
  )`,
  'CREATE INDEX shared_documents_folder_idx ON shared_documents (folder_id)',
  // Append-only and hash-chained per office: hash = sha256(prev_hash || canonical event).
  `CREATE TABLE audit_events (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text,
    actor_kind text NOT NULL,
    actor_id text,
    credential_id text,
    ip text,
    action text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
  )`,
  'CREATE INDEX audit_events_office_idx ON audit_events (office_id, seq)',
  'CREATE INDEX audit_events_folder_idx ON audit_events (folder_id, seq)',
  // Written in the same transaction as the change it reports; the webhook workers deliver from here.
  `CREATE TABLE outbox_events (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text,
    type text NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    dispatched_at timestamptz
  )`,
  'CREATE INDEX outbox_events_pending_idx ON outbox_events (seq) WHERE dispatched_at IS NULL',
  // Folder fields the list shows without recomputing: completion and the "action required" clock.
  'ALTER TABLE folders ADD COLUMN requests_total integer NOT NULL DEFAULT 0',
  'ALTER TABLE folders ADD COLUMN requests_validated integer NOT NULL DEFAULT 0',
  'ALTER TABLE folders ADD COLUMN files_pending integer NOT NULL DEFAULT 0',
  'ALTER TABLE folders ADD COLUMN completed_at timestamptz',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
