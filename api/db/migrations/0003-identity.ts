import type { Sequelize, Transaction } from 'sequelize';

// Identity and access. Every bearer secret (session, widget session, login attempt) is stored as its
// SHA-256 only: a copy of the database signs nobody in. Expiry times are absolute columns so that every
// check is one indexed comparison, in whichever API process the request lands.
const statements = [
  // Hosted-page and API sessions of members (ID.not) and clients (SMS code or password). Server-side, so
  // logout and "logout everywhere" take effect at once; idle and absolute expiry both apply.
  `CREATE TABLE sessions (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('member', 'client')),
    office_id text NOT NULL REFERENCES offices(id),
    member_id text REFERENCES members(id),
    client_id text REFERENCES clients(id),
    auth_method text NOT NULL CHECK (auth_method IN ('idnot', 'sms_code', 'password')),
    token_hash text NOT NULL UNIQUE,
    ip text,
    user_agent text,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    idle_expires_at timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK ((kind = 'member') = (member_id IS NOT NULL)),
    CHECK ((kind = 'client') = (client_id IS NOT NULL))
  )`,
  'CREATE INDEX sessions_member_idx ON sessions (member_id) WHERE revoked_at IS NULL',
  'CREATE INDEX sessions_client_idx ON sessions (client_id) WHERE revoked_at IS NULL',
  // Short-lived tokens a vendor's back end mints (with its API key) for the widgets it embeds. They die
  // with the API key that minted them.
  `CREATE TABLE widget_sessions (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    api_key_id text NOT NULL REFERENCES api_keys(id),
    member_id text REFERENCES members(id),
    client_id text REFERENCES clients(id),
    folder_id text REFERENCES folders(id),
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((member_id IS NULL) <> (client_id IS NULL))
  )`,
  'CREATE INDEX widget_sessions_office_idx ON widget_sessions (office_id, id)',
  `CREATE TABLE client_credentials (
    client_id text PRIMARY KEY REFERENCES clients(id),
    office_id text NOT NULL REFERENCES offices(id),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // One row per "start" of the client login, known e-mail or not (an unknown e-mail gets an attempt
  // without a client and without a code, which behaves the same to the caller). The code is hashed with
  // the attempt's secret token, which is itself stored hashed: six digits cannot be brute-forced back out
  // of a stolen table, and a code only ever matches its own attempt.
  `CREATE TABLE client_login_attempts (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    email_hash text NOT NULL,
    client_id text REFERENCES clients(id),
    office_id text REFERENCES offices(id),
    code_hash text,
    expires_at timestamptz NOT NULL,
    failed_tries integer NOT NULL DEFAULT 0,
    closed_at timestamptz,
    closed_reason text CHECK (closed_reason IN ('used', 'exhausted', 'superseded')),
    created_at timestamptz NOT NULL
  )`,
  'CREATE INDEX client_login_attempts_email_idx ON client_login_attempts (email_hash) WHERE closed_at IS NULL',
  'CREATE INDEX client_login_attempts_created_idx ON client_login_attempts (created_at)',
  // ID.not login in flight: state, nonce and PKCE verifier, found again at the callback through a
  // browser cookie holding the row's secret handle (whose hash is the id). Any API process may answer.
  `CREATE TABLE idnot_login_transactions (
    id text PRIMARY KEY,
    state text NOT NULL,
    nonce text NOT NULL,
    code_verifier text NOT NULL,
    return_to text NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  'CREATE INDEX idnot_login_transactions_expires_idx ON idnot_login_transactions (expires_at)',
  // Fixed-window counters shared by every API process. The key is a hash: no e-mail, phone or IP in clear.
  `CREATE TABLE rate_limit_buckets (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    reset_at timestamptz NOT NULL
  )`,
  'CREATE INDEX rate_limit_buckets_reset_idx ON rate_limit_buckets (reset_at)',
  // What the embedded mode "sent" (SMS now, e-mails later), readable at /dev/outbox. Never used in production.
  `CREATE TABLE dev_outbox_messages (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('sms', 'email')),
    recipient text NOT NULL,
    subject text,
    body_text text NOT NULL,
    body_html text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
