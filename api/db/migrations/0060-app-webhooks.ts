import type { Sequelize, Transaction } from 'sequelize';

// An app's one webhook endpoint is a row of webhook_endpoints owned by the app instead of an office: the
// same delivery pipeline (lanes per folder, retries, leases, health) serves it. Its messages keep the
// office of the event they carry (webhook_messages.office_id), so the attempt log stays per office too.
const statements = [
  'ALTER TABLE webhook_endpoints ALTER COLUMN office_id DROP NOT NULL',
  'ALTER TABLE webhook_endpoints ADD COLUMN app_id text REFERENCES oauth_apps(id)',
  'ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_owner_check CHECK ((office_id IS NULL) <> (app_id IS NULL))',
  'CREATE UNIQUE INDEX webhook_endpoints_app_idx ON webhook_endpoints (app_id) WHERE app_id IS NOT NULL AND deleted_at IS NULL',
  // The fan-out looks up, per office of a batch, the apps it was connected to around the events' time.
  'CREATE INDEX app_connections_office_app_idx ON app_connections (office_id, app_id)',
  // The URL and the sealed secret now live in the endpoint row. No app ever had a secret here (nothing
  // made one), so nothing could ever be delivered to a webhook_url stored before: an operator sets it
  // again with `npm run apps -- set-webhook`.
  'ALTER TABLE oauth_apps DROP COLUMN webhook_url',
  'ALTER TABLE oauth_apps DROP COLUMN webhook_secret_sealed',
];

export async function up(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  for (const sql of statements) await sequelize.query(sql, { transaction });
}
