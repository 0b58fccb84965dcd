import fs from 'node:fs/promises';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import type { AppScope } from '../../domain/app-scopes.js';
import { hashSecret } from '../../services/api-keys/mint-api-key.js';
import type { AppWebhookDeps } from '../../services/apps/app-webhook.js';
import { registerApp } from '../../services/apps/register-app.js';
import type { Database } from '../database.js';

/** The demo drafting software's OAuth app, as `npm start` registers it for the demo host. */
export interface DemoApp {
  clientId: string;
  /** Plaintext, kept in the data dir (0600) so that every start hands it to the demo host in-process. */
  clientSecret: string;
  /** The app endpoint's signing secret. */
  webhookSecret: string;
  redirectUri: string;
  webhookUrl: string;
  scopes: AppScope[];
}

export const DEMO_APP_NAME = 'Logiciel de rédaction — démo';

/** What the demo host does for an office: its deeds' folders, the folder widget for the office's notary. */
export const DEMO_APP_SCOPES: AppScope[] = [
  'office:read',
  'catalogue:read',
  'folders:read',
  'folders:create',
  'members:read',
  'widget_sessions:create',
];

/**
 * The demo host's app, for the embedded mode only (an operator registers real apps with `npm run apps`).
 * Idempotent: a start finds the app of the previous one (same addresses, secret still valid) and changes
 * nothing; otherwise it registers a new one. Its secrets never leave this machine: the data dir's
 * `demo-app.json` and the process that starts the demo host.
 */
export async function seedDemoApp(db: Database, deps: AppWebhookDeps, options: { dataDir: string; demoUrl: string }): Promise<DemoApp> {
  const file = path.join(options.dataDir, 'demo-app.json');
  const redirectUri = new URL('/oauth/callback', options.demoUrl).href;
  const webhookUrl = new URL('/webhooks/lecoffre', options.demoUrl).href;
  const saved = await fs
    .readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as DemoApp)
    .catch(() => undefined);
  if (saved && saved.redirectUri === redirectUri && saved.webhookUrl === webhookUrl) {
    const [row] = await db.sequelize.query<{ client_secret_hash: string; webhook_url: string | null; scopes: string[] }>(
      `SELECT a.client_secret_hash, e.url AS webhook_url, a.scopes
         FROM oauth_apps a LEFT JOIN webhook_endpoints e ON e.app_id = a.id AND e.deleted_at IS NULL
        WHERE a.client_id = :clientId`,
      { replacements: { clientId: saved.clientId }, type: QueryTypes.SELECT },
    );
    const current =
      row?.client_secret_hash === hashSecret(saved.clientSecret) &&
      row.webhook_url === webhookUrl &&
      DEMO_APP_SCOPES.every((scope) => row.scopes.includes(scope));
    if (current) return saved;
  }
  const app = await registerApp(db, deps, { name: DEMO_APP_NAME, redirectUris: [redirectUri], scopes: DEMO_APP_SCOPES, webhookUrl });
  const demoApp: DemoApp = {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    webhookSecret: app.webhookSecret as string,
    redirectUri,
    webhookUrl,
    scopes: DEMO_APP_SCOPES,
  };
  await fs.mkdir(options.dataDir, { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(demoApp, null, 2)}\n`, { mode: 0o600 });
  return demoApp;
}
