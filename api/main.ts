import 'dotenv/config';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import PgBoss from 'pg-boss';
import { type Logger, pino } from 'pino';
import { createApp } from './app.js';
import { composeProcess, MasterKeyError, type ProcessAdapters } from './composition.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrateDatabase } from './db/migrate.js';
import { openDatabaseProbe } from './db/readiness-probe.js';
import { type DemoApp, seedDemoApp } from './db/seed/demo-app.js';
import { type DemoSeed, seedDemoOffice } from './db/seed/seed.js';
import { listenForApiKeyRevocations } from './http/api-key-revocations.js';
import { READY_TIMEOUT_MS, type Readiness } from './http/health.js';
import { closeLiveStreams } from './http/live/live-dependencies.js';
import { startAnchoringJob } from './jobs/anchoring-job.js';
import { startIntegrityScrubJob } from './jobs/integrity-scrub-job.js';
import { startMaintenanceJob } from './jobs/maintenance-job.js';
import { startJobs } from './jobs/start-jobs.js';
import { serveMetrics } from './observability/serve-metrics.js';
import { traceContextMixin } from './observability/trace-context.js';
import { findUnopenableMasterKeys } from './services/documents/check-master-keys.js';

/** sysexits' EX_CONFIG: the configuration (environment, master key) cannot run this process. */
const EX_CONFIG = 78;

/** The longest a single request (an upload on a slow link) may take. */
const UPLOAD_REQUEST_TIMEOUT_MS = 60 * 60 * 1000;

/** How long a companion's in-flight requests may take to finish after SIGTERM (the API's: config.shutdownDrainMs). */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * After the drain, how long uploads refused with 503 get to send that answer (they first remove their
 * temporary blobs) before the sockets still open are cut.
 */
const ANSWER_TIMEOUT_MS = 5_000;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting connections and waits for requests in flight; `drainEnd` is aborted when the drain runs out. */
function close(server: Server, drainEnd?: AbortController, drainMs = DRAIN_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let force: NodeJS.Timeout | undefined;
    const drain = setTimeout(() => {
      drainEnd?.abort();
      force = setTimeout(() => server.closeAllConnections(), drainEnd ? ANSWER_TIMEOUT_MS : 0);
    }, drainMs);
    server.close(() => {
      clearTimeout(drain);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** What runs beside the API in one process (the demo host under `npm start`), started once the API listens. */
export interface Companion {
  /** Lines added to the start banner. */
  banner: string[];
  close(): Promise<void>;
}

export interface ApiStarted {
  config: Config;
  logger: Logger;
  /** The guide's demo office, seeded in development. */
  demo: DemoSeed | undefined;
  /** The demo drafting software's OAuth app, registered in development. */
  demoApp: DemoApp | undefined;
}

/**
 * Starts the API, its jobs and (without DATABASE_URL) the embedded PostgreSQL, and stops them all on
 * SIGTERM/SIGINT. `companion` starts what else shares the process; the API itself imports none of it.
 */
export async function startApi(companion?: (started: ApiStarted) => Promise<Companion | undefined>): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EX_CONFIG);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'], mixin: traceContextMixin });

  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      log: (msg) => logger.debug({ component: 'postgres' }, msg),
    });
    databaseUrl = await ensureDatabase(embedded.adminUrl, 'lecoffre');
  }
  const db = openDatabase(databaseUrl, config.database);
  await migrateDatabase(db);
  const demo: DemoSeed | undefined = config.devMode ? await seedDemoOffice(db, config.dataDir) : undefined;

  // Stops what this start opened, so that a refused start leaves no PostgreSQL behind.
  const refuse = async (message: string): Promise<never> => {
    console.error(message);
    await db.close();
    await embedded?.stop();
    process.exit(EX_CONFIG);
  };
  let adapters: ProcessAdapters;
  try {
    adapters = await composeProcess(config, db, {
      onSamplerError: (gauge, error) => logger.warn({ err: error, gauge }, 'metrics: gauge not read'),
    });
  } catch (error) {
    if (error instanceof MasterKeyError) return refuse(error.message);
    throw error;
  }
  const { clock, storage, webhookSealer, sms, mailer, anchor, metrics, timestamps } = adapters;
  const unopenable = await findUnopenableMasterKeys(db, storage.cipher);
  if (unopenable.length > 0) {
    const named = unopenable.map((k) => `${k.masterKeyId} (${k.tables.join(', ')})`).join(', ');
    return refuse(
      `The master key ring cannot open what the database holds: records are sealed by master key ${named}, which ` +
        `neither the current key (${storage.cipher.currentMasterKeyId}) nor LECOFFRE_PREVIOUS_MASTER_KEYS holds. ` +
        'Start with the key they were sealed with, or add it to LECOFFRE_PREVIOUS_MASTER_KEYS.',
    );
  }

  // Not ready until the job runners run: the server listens before, so that /healthz answers during start.
  const probe = openDatabaseProbe(databaseUrl, READY_TIMEOUT_MS);
  const drainEnd = new AbortController();
  const readiness: Readiness = { ready: false, probe, drainEnded: drainEnd.signal };
  // Verified API keys are kept in memory while this process hears revocations (reads cost no key lookup).
  const revocations = await listenForApiKeyRevocations(db, (error) => logger.warn({ err: error }, 'API key revocations: listener lost'));
  const app = createApp({ config, db, logger, clock, storage, webhookSealer, sms, readiness, metrics });
  const server = createServer(app);
  // Node cuts any request after 5 minutes by default: a 25 MB scan on a weak mobile link takes longer.
  // Headers must still arrive within headersTimeout (60 s), which is what stops slow-loris clients.
  server.requestTimeout = UPLOAD_REQUEST_TIMEOUT_MS;
  await listen(server, config.port);
  const metricsServing = metrics ? await serveMetrics({ config, db, metrics, logger }) : undefined;

  // Background jobs share the database through pg-boss (its own schema): several processes, one queue.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4 });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  await startMaintenanceJob(boss, { db, blobStore: storage.blobStore, logger });
  await startIntegrityScrubJob(boss, { db, blobStore: storage.blobStore, cipher: storage.cipher, logger, config, metrics });
  const jobs = await startJobs({ db, config, mailer, sms, sealer: webhookSealer, clock, logger, boss, metrics });
  const anchoring = await startAnchoringJob(boss, {
    db,
    anchor,
    timestamps,
    maxBatch: config.anchoring.maxBatch,
    intervalSeconds: config.anchoring.intervalSeconds,
    logger,
  });

  // The demo drafting software's OAuth app (embedded mode only): its secrets reach the demo host in-process.
  let demoApp: DemoApp | undefined;
  if (demo) {
    try {
      demoApp = await seedDemoApp(
        db,
        { clock, sealer: webhookSealer, urlRules: { allowLoopback: config.webhooks.allowLoopback, requireHttps: false } },
        { dataDir: config.dataDir, demoUrl: `http://localhost:${config.demoHostPort}` },
      );
    } catch (error) {
      logger.warn({ err: error }, 'demo app not registered (its webhook is on loopback: LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK=true)');
    }
  }
  const extra = await companion?.({ config, logger, demo, demoApp });
  readiness.ready = true;

  const readyMs = Math.round(performance.now() - started);
  const lines = [
    '',
    `LeCoffre is ready in ${readyMs} ms`,
    `  API            ${config.baseUrl}   (docs: ${config.baseUrl}/docs)`,
    ...(extra?.banner ?? []),
    ...(metricsServing?.banner ?? []),
    ...(embedded ? [`  PostgreSQL     embedded, data in ${config.dataDir}`] : ['  PostgreSQL     DATABASE_URL']),
    ...(demo ? [`  Dev API key    ${demo.apiKey}   (office SELAS AP NOTAIRES, CRPCEN 35026)`] : []),
    ...(config.idnot.dev ? [`  Sign in        ${config.baseUrl}/auth/idnot/login   (dev ID.not: pick Caroline Pallut)`] : []),
    ...(config.devMode ? [`  Dev outbox     ${config.baseUrl}/dev/outbox   (e-mails and SMS "sent")`] : []),
    `  Anchoring      ${config.anchoring.anchor.kind === 'tezos' ? `Tezos ${config.anchoring.anchor.network}` : 'local-dev (signed locally, NOT on a public chain)'}, every ${config.anchoring.intervalSeconds} s`,
    `  Timestamps     ${timestamps ? `RFC 3161, ${timestamps.description}` : 'none (set LECOFFRE_TSA_URL)'}`,
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Before the drain: a balancer polling /readyz stops sending new requests while in-flight ones finish.
    readiness.ready = false;
    logger.info({ signal }, 'shutting down');
    // A balancer keeps sending until its checks see /readyz fail: serve what it sends meanwhile. An operator's
    // Ctrl-C (SIGINT) has no balancer to wait for.
    if (signal === 'SIGTERM' && config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
    // Live streams never end on their own: end them first (their clients reconnect to another process).
    await closeLiveStreams(app);
    await Promise.all([close(server, drainEnd, config.shutdownDrainMs), extra?.close(), metricsServing?.close()]);
    await anchoring.stop();
    await jobs.stop();
    await boss.stop({ graceful: true, timeout: 10_000 });
    await timestamps?.close?.();
    mailer.close?.();
    await probe.close();
    await revocations.close();
    await db.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** `close(server)` with the API's drain timeout, for companions that run an HTTP server of their own. */
export { close as closeServer, listen };

// Run directly (`tsx api/main.ts`): the API alone, without the demo host.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startApi().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
