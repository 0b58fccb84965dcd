import type { Sequelize, Transaction } from 'sequelize';

// Vendor apps connected to offices by OAuth 2.0 (the authorization server is oidc-provider, its records
// kept here so that every API process sees the same codes, grants and tokens).
const statements = [
  // A vendor's app: its client secret is stored as a SHA-256 digest (a high-entropy random secret, like
  // API keys), shown once when registered or rotated.
  `CREATE TABLE oauth_apps (
    id text PRIMARY KEY,
    client_id text NOT NULL UNIQUE,
    client_secret_hash text NOT NULL,
    name text NOT NULL,
    logo_url text,
    redirect_uris jsonb NOT NULL,
    scopes jsonb NOT NULL,
    webhook_url text,
    webhook_secret_sealed text,
    secret_rotated_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  // What oidc-provider persists (sessions, interactions, grants, codes, tokens), one row per model and id.
  // Ids that are bearer secrets (codes, tokens) are stored as their SHA-256 digest: a copy of this table
  // holds no usable token.
  `CREATE TABLE oauth_records (
    model text NOT NULL,
    id_hash text NOT NULL,
    payload jsonb NOT NULL,
    grant_id text,
    uid text,
    expires_at timestamptz,
    consumed_at timestamptz,
    PRIMARY KEY (model, id_hash)
  )`,
  'CREATE INDEX oauth_records_grant_idx ON oauth_records (grant_id) WHERE grant_id IS NOT NULL',
  'CREATE INDEX oauth_records_uid_idx ON oauth_records (uid) WHERE uid IS NOT NULL',
  'CREATE INDEX oauth_records_expiry_idx ON oauth_records (expires_at)',
  // Keys the authorization server's processes must share (cookie signing, the token signing key).
  `CREATE TABLE oauth_keys (
    name text PRIMARY KEY,
    value text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  // An office's consent to an app: one live connection per (app, office); its grant carries the tokens.
  `CREATE TABLE app_connections (
    id text PRIMARY KEY,
    app_id text NOT NULL REFERENCES oauth_apps(id),
    office_id text NOT NULL REFERENCES offices(id),
    grant_id text NOT NULL UNIQUE,
    scopes jsonb NOT NULL,
    authorized_by text NOT NULL REFERENCES members(id),
    authorized_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    revoked_reason text
  )`,
  'CREATE UNIQUE INDEX app_connections_live_idx ON app_connections (app_id, office_id) WHERE revoked_at IS NULL',
  'CREATE INDEX app_connections_office_idx ON app_connections (office_id, id)',
  // A widget session is minted by an API key or by a connected app, and dies with it.
  'ALTER TABLE widget_sessions ALTER COLUMN api_key_id DROP NOT NULL',
  'ALTER TABLE widget_sessions ADD COLUMN app_connection_id text REFERENCES app_connections(id)',
  'ALTER TABLE widget_sessions ADD CONSTRAINT widget_sessions_minter_check CHECK ((api_key_id IS NULL) <> (app_connection_id IS NULL))',
  // The app that caused an event (webhook payloads name it).
  'ALTER TABLE outbox_events ADD COLUMN app_id text',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
