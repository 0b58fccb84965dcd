import type { Sequelize, Transaction } from 'sequelize';

// One row per SMS handed to the provider, linked to what it carried (a sign-in code's attempt, or a
// notification), so that what the provider reports later (delivered, bounced) lands next to it. Rows of
// sign-in attempts go with them when the maintenance sweep deletes old attempts.
const statements = [
  `CREATE TABLE sms_deliveries (
    id text PRIMARY KEY,
    provider text NOT NULL,
    purpose text NOT NULL CHECK (purpose IN ('login_code', 'notification')),
    recipient text NOT NULL,
    login_attempt_id text REFERENCES client_login_attempts(id) ON DELETE CASCADE,
    notification_id text REFERENCES notifications(id) ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('queued', 'accepted', 'failed', 'sent', 'delivered', 'soft_bounce',
      'hard_bounce', 'blocked', 'rejected')),
    provider_message_id text,
    error text,
    status_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((purpose = 'login_code') = (login_attempt_id IS NOT NULL)),
    CHECK ((purpose = 'notification') = (notification_id IS NOT NULL))
  )`,
  'CREATE INDEX sms_deliveries_login_attempt_idx ON sms_deliveries (login_attempt_id) WHERE login_attempt_id IS NOT NULL',
  'CREATE INDEX sms_deliveries_notification_idx ON sms_deliveries (notification_id) WHERE notification_id IS NOT NULL',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
