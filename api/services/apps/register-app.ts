import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { APP_SCOPES, isAppScope } from '../../domain/app-scopes.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { hashSecret } from '../auth/secret-tokens.js';
import { type AppWebhookDeps, checkAppWebhookUrl, setAppWebhook } from './app-webhook.js';

export interface RegisterAppInput {
  name: string;
  /** An https image URL shown on the consent screen. */
  logoUrl?: string | null;
  /** Exact URIs the authorization code may be sent back to (https; http only on a loopback host). */
  redirectUris: string[];
  /** The most an office can grant the app: scopes of domain/app-scopes.ts. */
  scopes: string[];
  /** One endpoint receiving the events of every office connected to the app (the office endpoints' URL rules). */
  webhookUrl?: string | null;
}

export interface RegisteredApp {
  id: string;
  clientId: string;
  /** Shown once, stored as its SHA-256. */
  clientSecret: string;
  /** The app endpoint's signing secret (`whsec_…`), shown once; null without a webhook URL. */
  webhookSecret: string | null;
}

/** `lcapp_`-prefixed ids and secrets, recognisable by secret scanners. */
export const newClientSecret = () => `lcapp_secret_${randomBytes(32).toString('base64url')}`;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function urlProblem(value: string, kind: 'redirect' | 'https'): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an absolute URL';
  }
  if (url.hash) return 'must not carry a fragment';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname) && kind === 'redirect') return null;
  return kind === 'redirect' ? 'must be https (http only on a loopback host, for development)' : 'must be https';
}

/** Checks an app's registration; every mistake is listed, nothing is stored when there is one. */
export function checkAppRegistration(input: RegisterAppInput): void {
  const errors: FieldError[] = [];
  if (typeof input.name !== 'string' || input.name.trim().length === 0 || input.name.length > 100 || /[\u0000-\u001f]/.test(input.name)) {
    errors.push({ path: 'name', message: 'a name of 1 to 100 characters' });
  }
  if (!Array.isArray(input.redirectUris) || input.redirectUris.length === 0 || input.redirectUris.length > 10) {
    errors.push({ path: 'redirectUris', message: 'between 1 and 10 redirect URIs' });
  } else {
    input.redirectUris.forEach((uri, i) => {
      const problem = typeof uri === 'string' ? urlProblem(uri, 'redirect') : 'not a string';
      if (problem) errors.push({ path: `redirectUris[${i}]`, message: problem });
    });
  }
  if (!Array.isArray(input.scopes) || input.scopes.length === 0) {
    errors.push({ path: 'scopes', message: `at least one of ${APP_SCOPES.join(', ')}` });
  } else {
    input.scopes.forEach((scope, i) => {
      if (!isAppScope(scope)) errors.push({ path: `scopes[${i}]`, message: `unknown scope; one of ${APP_SCOPES.join(', ')}` });
    });
  }
  const logoProblem = input.logoUrl ? urlProblem(input.logoUrl, 'https') : null;
  if (logoProblem) errors.push({ path: 'logoUrl', message: logoProblem });
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', 'This app registration is not valid.', errors);
}

/**
 * Registers a vendor's app (an operator's command, `npm run apps -- register`): a client id and a secret,
 * the secret shown once and stored hashed; with a webhook URL, the app's endpoint and its signing secret
 * (shown once too). Nothing is stored when anything is wrong.
 */
export async function registerApp(db: Database, deps: AppWebhookDeps, input: RegisterAppInput): Promise<RegisteredApp> {
  checkAppRegistration(input);
  let webhookUrl: string | null = null;
  if (input.webhookUrl) {
    try {
      webhookUrl = await checkAppWebhookUrl(input.webhookUrl, deps);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError('invalid', error.code, 'This app registration is not valid.', [{ path: 'webhookUrl', message: error.message }]);
    }
  }
  const id = newId('app');
  const clientId = `lcapp_${id.slice(4)}`;
  const clientSecret = newClientSecret();
  return db.sequelize.transaction(async (transaction) => {
    await db.sequelize.query(
      `INSERT INTO oauth_apps (id, client_id, client_secret_hash, name, logo_url, redirect_uris, scopes)
       VALUES (:id, :clientId, :secretHash, :name, :logoUrl, :redirectUris, :scopes)`,
      {
        replacements: {
          id,
          clientId,
          secretHash: hashSecret(clientSecret),
          name: input.name.trim(),
          logoUrl: input.logoUrl ?? null,
          redirectUris: JSON.stringify(input.redirectUris),
          scopes: JSON.stringify([...new Set(input.scopes)]),
        },
        transaction,
      },
    );
    const webhook = webhookUrl ? await setAppWebhook(db, deps, { appId: id, url: webhookUrl }, transaction) : null;
    return { id, clientId, clientSecret, webhookSecret: webhook?.secret ?? null };
  });
}
