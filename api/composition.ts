import path from 'node:path';
import type { Router } from 'express';
import { openAnchor } from './adapters/anchor/open-anchor.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { createEnvelopeCipher } from './adapters/crypto/envelope-cipher.js';
import type { KeyRing } from './adapters/crypto/key-wrap.js';
import { loadKeyRing, MASTER_KEY_FILE, parseMasterKey } from './adapters/crypto/master-key.js';
import { openKeyRing } from './adapters/crypto/open-key-ring.js';
import { devIdentityProvider } from './adapters/identity/dev-identity-provider.js';
import { openIdIdentityProvider } from './adapters/identity/openid-identity-provider.js';
import { mailerFromConfig } from './adapters/mail/mailer-from-config.js';
import { appsAuthorizationServer } from './adapters/oauth/apps-authorization-server.js';
import { brevoSmsSender } from './adapters/sms/brevo-sms-sender.js';
import { brevoSmsStatusReceiver } from './adapters/sms/brevo-sms-status.js';
import { devOutboxSmsSender, listDevOutbox } from './adapters/sms/dev-outbox.js';
import { httpSmsSender } from './adapters/sms/http-sms-sender.js';
import { openBlobStore, openDocumentStorage } from './adapters/storage/open-document-storage.js';
import { openTimestampAuthority } from './adapters/timestamp/open-timestamp-authority.js';
import { httpWebhookTransport } from './adapters/webhooks/http-transport.js';
import { keyRingSecretSealer } from './adapters/webhooks/key-ring-sealer.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { APP_SCOPES } from './domain/app-scopes.js';
import type { Anchor } from './ports/anchor.js';
import type { AppAuthorizationServer } from './ports/app-authorization.js';
import type { BlobStore } from './ports/blob-store.js';
import type { Clock } from './ports/clock.js';
import type { DataKeyCipher } from './ports/data-key-cipher.js';
import type { DocumentStorage } from './ports/document-storage.js';
import type { IdentityProvider } from './ports/identity-provider.js';
import type { Mailer } from './ports/mailer.js';
import type { ProcessMetrics } from './ports/metrics.js';
import type { SecretSealer } from './ports/secret-sealer.js';
import type { SmsSender, SmsStatusReceiver } from './ports/sms-sender.js';
import type { TimestampAuthority } from './ports/timestamp-authority.js';
import type { WebhookTransport } from './ports/webhook-transport.js';

/**
 * The composition root: the one module that decides which adapter serves which port, from the config.
 * main.ts, app.ts, the jobs, the dev routes, the rotation script and the test app ask it; nothing else
 * imports api/adapters (dependency-cruiser's `adapters-chosen-once` rule). Swapping a provider is a change
 * here and in its adapter, nowhere else.
 */

export { MasterKeyError } from './adapters/crypto/master-key.js';

/** The adapters an API process runs on (main.ts). */
export interface ProcessAdapters {
  clock: Clock;
  storage: DocumentStorage;
  /** Seals webhook secrets with the same key ring as the files: the API and the jobs share it. */
  webhookSealer: SecretSealer;
  sms: SmsSender;
  mailer: Mailer & { close?(): void };
  anchor: Anchor;
  /** Prometheus metrics, when something can scrape them (a metrics port or token is configured). */
  metrics: ProcessMetrics | undefined;
  /** RFC 3161 timestamps on batch roots; null when the config asks for none. */
  timestamps: TimestampAuthority | null;
}

export async function composeProcess(
  config: Config,
  db: Database,
  log: { onSamplerError?: (gauge: string, error: unknown) => void } = {},
): Promise<ProcessAdapters> {
  const keyRing = await openKeyRing(config);
  return {
    clock: defaultClock,
    storage: await openDocumentStorage(config, keyRing),
    webhookSealer: webhookSealerFor(keyRing),
    sms: smsSenderFor(config, db),
    mailer: mailerFromConfig(config, db),
    anchor: await openAnchor(config),
    metrics: await metricsFor(config, log.onSamplerError),
    timestamps: await openTimestampAuthority(config),
  };
}

/** The configured blob store alone: backups read it and restores write it without any key. */
export function blobStoreFor(config: Pick<Config, 'storage'>): Promise<BlobStore> {
  return openBlobStore(config);
}

/**
 * Prometheus (prom-client) when a metrics port or token is configured; nothing to count otherwise, and
 * prom-client is then not even loaded.
 */
export async function metricsFor(
  config: Pick<Config, 'metrics'>,
  onSamplerError?: (gauge: string, error: unknown) => void,
): Promise<ProcessMetrics | undefined> {
  if (config.metrics.port === undefined && !config.metrics.token) return undefined;
  const { prometheusMetrics } = await import('./adapters/metrics/prometheus-metrics.js');
  return prometheusMetrics({ onSamplerError });
}

/** The machine's clock; tests pass a manual one instead. */
export const defaultClock: Clock = systemClock;

/** Lifetimes of app tokens: short access tokens; refresh tokens rotated on every use. */
const APP_ACCESS_TOKEN_SECONDS = 10 * 60;
const APP_REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;

/** The authorization server of vendors' apps (oidc-provider, its state in PostgreSQL), at `<base URL>/oauth`. */
export function appAuthorizationServerFor(
  config: Pick<Config, 'baseUrl' | 'trustProxy'>,
  db: Database,
  errorPage: (error: { error: string; description?: string }) => string,
): AppAuthorizationServer {
  const base = config.baseUrl.replace(/\/+$/, '');
  return appsAuthorizationServer(db, {
    issuer: `${base}/oauth`,
    apiResource: `${base}/v1`,
    scopes: APP_SCOPES,
    accessTokenSeconds: APP_ACCESS_TOKEN_SECONDS,
    refreshTokenSeconds: APP_REFRESH_TOKEN_SECONDS,
    behindProxy: Boolean(config.trustProxy),
    errorPage,
  });
}

/** Brevo or a generic HTTP gateway in production, the dev outbox (readable at /dev/outbox) in the embedded mode. */
export function smsSenderFor(config: Pick<Config, 'sms' | 'baseUrl'>, db: Database): SmsSender {
  const sms = config.sms;
  if (sms.kind === 'brevo') {
    return brevoSmsSender({
      apiKey: sms.apiKey,
      sender: sms.sender,
      apiUrl: sms.apiUrl,
      statusUrl: (reference) =>
        `${config.baseUrl}/hooks/sms/brevo?token=${encodeURIComponent(sms.webhookToken)}&ref=${encodeURIComponent(reference)}`,
    });
  }
  return sms.kind === 'http' ? httpSmsSender(sms) : devOutboxSmsSender(db);
}

/** Who receives the provider's delivery callbacks (Brevo only: the others send none). */
export function smsStatusReceiverFor(config: Pick<Config, 'sms'>): SmsStatusReceiver | null {
  return config.sms.kind === 'brevo' ? brevoSmsStatusReceiver(config.sms.webhookToken) : null;
}

/** ID.not, or the dev identity provider the app mounts under the issuer's path in the embedded mode. */
export function identityProviderFor(config: Pick<Config, 'idnot'>): IdentityProvider {
  return openIdIdentityProvider(config.idnot);
}

/** The dev identity provider's own routes (embedded mode only: app.ts never mounts them in production). */
export function devIdentityProviderRoutes(config: Pick<Config, 'idnot'>): Router {
  return devIdentityProvider(config.idnot);
}

/** Webhook deliveries over HTTP with the SSRF guard; loopback only where the config allows it. */
export function webhookTransportFor(config: Pick<Config, 'webhooks'>): WebhookTransport {
  return httpWebhookTransport({ allowLoopback: config.webhooks.allowLoopback });
}

/** The webhook secret sealer over a key ring (the test app builds its ring in a temporary directory). */
export function webhookSealerFor(ring: KeyRing): SecretSealer {
  return keyRingSecretSealer(ring);
}

/** The configured key ring's webhook sealer, for operator commands (`npm run apps`) outside a running process. */
export async function webhookSealerOf(config: Config): Promise<SecretSealer> {
  return webhookSealerFor(await openKeyRing(config));
}

/** What the dev outbox holds, newest first (the /dev/outbox page). */
export const readDevOutbox = listDevOutbox;

/**
 * The keys of a master key rotation (scripts/rotate-master-key.ts): the ring as configured, never a
 * generated key (a rotation that invented one would seal nothing and strand every record).
 */
export async function rotationKeys(
  config: Config,
): Promise<{ cipher: DataKeyCipher; currentKeyId: string; previousKeyIds: string[]; source: string }> {
  const ring = await loadKeyRing({
    masterKey: config.documents.masterKey,
    previousMasterKeys: config.documents.previousMasterKeys.join(','),
    dataDir: config.dataDir,
    generateIfMissing: false,
  });
  return {
    cipher: createEnvelopeCipher(ring),
    currentKeyId: ring.current.id,
    previousKeyIds: config.documents.previousMasterKeys.map((k, i) => parseMasterKey(k, `LECOFFRE_PREVIOUS_MASTER_KEYS (key ${i + 1})`).id),
    source: config.documents.masterKey ? 'LECOFFRE_MASTER_KEY' : path.join(config.dataDir, MASTER_KEY_FILE),
  };
}
