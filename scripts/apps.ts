/**
 * Vendors' apps (OAuth 2.0 clients), registered by an operator:
 *
 *   npm run apps -- register --name "Rédacto" --redirect-uri https://app.redacto.fr/lecoffre/callback \
 *        --scope folders:read --scope folders:create [--logo-url https://…/logo.png] [--webhook-url https://…]
 *   npm run apps -- rotate-secret <client id>
 *   npm run apps -- set-webhook <client id> --webhook-url https://…
 *   npm run apps -- rotate-webhook-secret <client id>
 *
 * Prints the client id and the client secret, and the webhook signing secret when there is a webhook:
 * each secret is shown this once (the client secret stored hashed, the webhook secret sealed with the
 * master key). Scopes are capabilities of api/domain/capabilities.ts (the list: docs/apps.md). Uses
 * DATABASE_URL, or the data dir's embedded PostgreSQL like the other operator commands.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { MasterKeyError, webhookSealerOf } from '../api/composition.js';
import { ConfigError, loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { DomainError } from '../api/domain/errors.js';
import { type AppWebhookDeps, checkAppWebhookUrl, rotateAppWebhookSecret, setAppWebhook } from '../api/services/apps/app-webhook.js';
import { registerApp } from '../api/services/apps/register-app.js';
import { rotateAppSecret } from '../api/services/apps/rotate-app-secret.js';
import { connectConfiguredDatabase, runOperatorCommand } from './connect-database.js';

const USAGE = `Usage: npm run apps -- register --name … --redirect-uri … --scope … [--logo-url …] [--webhook-url …]
       npm run apps -- rotate-secret <client id>
       npm run apps -- set-webhook <client id> --webhook-url …
       npm run apps -- rotate-webhook-secret <client id>`;

const COMMANDS = ['register', 'rotate-secret', 'set-webhook', 'rotate-webhook-secret'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string | undefined): value is Command => COMMANDS.some((c) => c === value);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      'logo-url': { type: 'string' },
      'webhook-url': { type: 'string' },
    },
  });
  const [command, clientId] = positionals;
  if (!isCommand(command) || (command !== 'register' && !clientId) || (command === 'set-webhook' && !values['webhook-url'])) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { databaseUrl, stopDatabase } = await connectConfiguredDatabase(config);
  const db = openDatabase(databaseUrl);
  const deps: AppWebhookDeps = {
    clock: { now: () => new Date() },
    sealer: await webhookSealerOf(config),
    urlRules: { allowLoopback: config.webhooks.allowLoopback, requireHttps: !config.devMode },
  };
  const once = '(shown once)';
  try {
    if (command === 'rotate-secret') {
      const rotated = await rotateAppSecret(db, clientId ?? '');
      console.log(
        `client_id:      ${rotated.clientId}\nclient_secret:  ${rotated.clientSecret}   ${once}; the previous secret no longer works`,
      );
      return 0;
    }
    if (command === 'rotate-webhook-secret') {
      const rotated = await rotateAppWebhookSecret(db, deps, clientId ?? '');
      console.log(`webhook:        ${rotated.url}\nwebhook_secret: ${rotated.secret}   ${once}; the previous one also signs for 24 h`);
      return 0;
    }
    if (command === 'set-webhook') {
      const url = await checkAppWebhookUrl(values['webhook-url'] ?? '', deps);
      const set = await setAppWebhook(db, deps, { clientId, url });
      console.log(`webhook:        ${set.url}   (on; waiting events go out now)`);
      console.log(set.secret ? `webhook_secret: ${set.secret}   ${once}` : 'webhook_secret: unchanged (rotate-webhook-secret replaces it)');
      return 0;
    }
    const app = await registerApp(db, deps, {
      name: values.name ?? '',
      redirectUris: values['redirect-uri'] ?? [],
      scopes: (values.scope ?? []).flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean),
      logoUrl: values['logo-url'] ?? null,
      webhookUrl: values['webhook-url'] ?? null,
    });
    console.log(`app:            ${app.id}\nclient_id:      ${app.clientId}\nclient_secret:  ${app.clientSecret}   ${once}`);
    if (app.webhookSecret) console.log(`webhook_secret: ${app.webhookSecret}   ${once}`);
    console.log(`authorize at:   ${config.baseUrl}/oauth/authorize   token: ${config.baseUrl}/oauth/token`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`${error.message}\n${error.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
    await stopDatabase();
  }
}

runOperatorCommand(main, { configuration: [ConfigError, MasterKeyError] });
