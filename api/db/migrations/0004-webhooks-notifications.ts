import type { Sequelize, Transaction } from 'sequelize';

// Webhook endpoints and their deliveries, and the bookkeeping of e-mail/SMS notifications. Both are fed
// by outbox_events (0002). Every time column here is written from the injectable clock of the jobs, not
// from now(), so that tests can walk through a retry schedule of hours without waiting.
const statements = [
  `CREATE TABLE webhook_endpoints (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    url text NOT NULL,
    description text NOT NULL DEFAULT '',
    -- Empty: every public event type.
    event_types text[] NOT NULL DEFAULT '{}',
    enabled boolean NOT NULL DEFAULT true,
    disabled_reason text CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
    disabled_at timestamptz,
    -- Signing is an HMAC: the sender needs the secret itself, so a hash (as for API keys) cannot work.
    -- The secret is sealed with the master key instead (AES-256-GCM, as file data keys are), and the
    -- key id says which master key: a copy of the database alone signs nothing.
    secret_sealed text NOT NULL,
    secret_key_id text NOT NULL,
    -- After a rotation the previous secret signs too, until it expires (24 h).
    previous_secret_sealed text,
    previous_secret_key_id text,
    previous_secret_expires_at timestamptz,
    -- Start of the current run of failed attempts; cleared by any success. Five days of it disables.
    failing_since timestamptz,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (enabled = (disabled_reason IS NULL))
  )`,
  'CREATE INDEX webhook_endpoints_office_idx ON webhook_endpoints (office_id, id DESC) WHERE deleted_at IS NULL',
  // One per endpoint per outbox event. The webhook-id a receiver dedupes on is the event id: the same
  // for every retry and resend of it.
  `CREATE TABLE webhook_messages (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    endpoint_id text NOT NULL REFERENCES webhook_endpoints(id),
    event_id text NOT NULL REFERENCES outbox_events(id),
    event_seq bigint NOT NULL,
    event_type text NOT NULL,
    folder_id text,
    -- Messages of one lane go out one at a time in event order: endpoint + folder (or + event when the
    -- event has no folder). A message still retrying holds back the later ones of its lane.
    lane text NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    -- Set while a worker is attempting it, so that no other worker sends it at the same time.
    lease_until timestamptz,
    last_attempt_at timestamptz,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL,
    UNIQUE (endpoint_id, event_id)
  )`,
  "CREATE INDEX webhook_messages_lane_idx ON webhook_messages (lane, event_seq) WHERE status = 'pending'",
  'CREATE INDEX webhook_messages_endpoint_idx ON webhook_messages (endpoint_id, status, created_at)',
  `CREATE TABLE webhook_attempts (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    endpoint_id text NOT NULL REFERENCES webhook_endpoints(id),
    message_id text NOT NULL REFERENCES webhook_messages(id),
    attempt integer NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
    response_status integer,
    -- Why there was no usable answer: timeout, connection_refused, blocked_address, dns, network.
    error text,
    -- The start of the receiver's answer only (what helps debugging; bodies can be large or personal).
    response_body text,
    duration_ms integer NOT NULL,
    attempted_at timestamptz NOT NULL,
    next_attempt_at timestamptz
  )`,
  'CREATE INDEX webhook_attempts_endpoint_idx ON webhook_attempts (endpoint_id, id DESC)',
  'CREATE INDEX webhook_attempts_message_idx ON webhook_attempts (message_id)',
  // One e-mail or SMS to one person. dedupe_key makes planning idempotent: the outbox is read at least
  // once, a notification is planned exactly once.
  `CREATE TABLE notifications (
    id text PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    folder_id text REFERENCES folders(id),
    kind text NOT NULL,
    channel text NOT NULL CHECK (channel IN ('email', 'sms')),
    client_id text REFERENCES clients(id),
    member_id text REFERENCES members(id),
    dedupe_key text NOT NULL UNIQUE,
    data jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    due_at timestamptz NOT NULL,
    lease_until timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL,
    CHECK ((client_id IS NULL) <> (member_id IS NULL))
  )`,
  "CREATE INDEX notifications_due_idx ON notifications (due_at) WHERE status = 'pending'",
  'CREATE INDEX notifications_folder_client_idx ON notifications (folder_id, client_id, kind)',
  // Client uploads waiting to be told to the office: at most one e-mail per folder per 15 minutes.
  `CREATE TABLE folder_upload_digests (
    folder_id text PRIMARY KEY REFERENCES folders(id),
    office_id text NOT NULL REFERENCES offices(id),
    file_ids text[] NOT NULL DEFAULT '{}',
    due_at timestamptz,
    last_sent_at timestamptz
  )`,
  'CREATE INDEX folder_upload_digests_due_idx ON folder_upload_digests (due_at) WHERE due_at IS NOT NULL',
  `CREATE TABLE request_reminders (
    request_id text NOT NULL REFERENCES document_requests(id),
    number integer NOT NULL,
    office_id text NOT NULL REFERENCES offices(id),
    sent_at timestamptz NOT NULL,
    PRIMARY KEY (request_id, number)
  )`,
  // No row: the defaults (3 days before the due date, then every 7 days, at most 3).
  `CREATE TABLE office_notification_settings (
    office_id text PRIMARY KEY REFERENCES offices(id),
    reminder_days_before integer NOT NULL CHECK (reminder_days_before BETWEEN 0 AND 60),
    reminder_every_days integer NOT NULL CHECK (reminder_every_days BETWEEN 1 AND 60),
    reminder_max_count integer NOT NULL CHECK (reminder_max_count BETWEEN 0 AND 10),
    updated_at timestamptz NOT NULL
  )`,
  // Events written before this release predate webhooks and notifications: no endpoint can be subscribed
  // to them, and their clients were told otherwise. Without this, the first dispatch would e-mail every
  // client of every past folder "dossier mis en ligne" at once.
  'UPDATE outbox_events SET dispatched_at = now() WHERE dispatched_at IS NULL',
  // Wakes the job runners at commit of any transaction that wrote to the outbox (NOTIFY is transactional
  // and coalesced: one per transaction), so the first delivery attempt does not wait for a poll.
  `CREATE FUNCTION lecoffre_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('lecoffre_jobs', 'outbox');
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
    FOR EACH STATEMENT EXECUTE FUNCTION lecoffre_outbox_notify()`,
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
