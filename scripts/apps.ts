/**
 * Vendors' apps (OAuth 2.0 clients), registered by an operator:
 *
 *   npm run apps -- register --name "Rédacto" --redirect-uri https://app.redacto.fr/lecoffre/callback \
 *        --scope folders:read --scope folders:create [--logo-url https://…/logo.png] [--webhook-url https://…]
 *   npm run apps -- rotate-secret <client id>
 *
 * Prints the client id and the client secret: the secret is shown this once and stored hashed. Scopes
 * are capabilities of api/domain/capabilities.ts (the list: docs/apps.md). Uses DATABASE_URL, or the
 * data dir's embedded PostgreSQL like the other operator commands.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { DomainError } from '../api/domain/errors.js';
import { registerApp } from '../api/services/apps/register-app.js';
import { rotateAppSecret } from '../api/services/apps/rotate-app-secret.js';
import { connectConfiguredDatabase, runOperatorCommand } from './connect-database.js';

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
  if (command !== 'register' && command !== 'rotate-secret') {
    console.error('Usage: npm run apps -- register --name … --redirect-uri … --scope … | rotate-secret <client id>');
    return 2;
  }
  const config = loadConfig();
  const { databaseUrl, stopDatabase } = await connectConfiguredDatabase(config);
  const db = openDatabase(databaseUrl);
  try {
    if (command === 'rotate-secret') {
      if (!clientId) {
        console.error('Usage: npm run apps -- rotate-secret <client id>');
        return 2;
      }
      const rotated = await rotateAppSecret(db, clientId);
      console.log(
        `client_id:     ${rotated.clientId}\nclient_secret: ${rotated.clientSecret}   (shown once; the previous secret no longer works)`,
      );
      return 0;
    }
    const app = await registerApp(db, {
      name: values.name ?? '',
      redirectUris: values['redirect-uri'] ?? [],
      scopes: (values.scope ?? []).flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean),
      logoUrl: values['logo-url'] ?? null,
      webhookUrl: values['webhook-url'] ?? null,
    });
    console.log(`app:           ${app.id}\nclient_id:     ${app.clientId}\nclient_secret: ${app.clientSecret}   (shown once)`);
    console.log(`authorize at:  ${config.baseUrl}/oauth/authorize   token: ${config.baseUrl}/oauth/token`);
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

runOperatorCommand(main, { configuration: [ConfigError] });
