import 'dotenv/config';
import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import { createDemoHost } from '../demo-host/server.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrateDatabase } from './db/migrate.js';
import { type DemoSeed, seedDemoOffice } from './db/seed/seed.js';

/** How long in-flight requests may take to finish after SIGTERM before their sockets are cut. */
const DRAIN_TIMEOUT_MS = 10_000;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] });

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
  const db = openDatabase(databaseUrl);
  await migrateDatabase(db);
  const demo: DemoSeed | undefined = config.devMode ? await seedDemoOffice(db, config.dataDir) : undefined;

  const server = createServer(createApp({ config, db, logger }));
  await listen(server, config.port);

  let demoServer: Server | undefined;
  if (demo) {
    demoServer = createServer(createDemoHost({ apiBaseUrl: config.baseUrl, apiKey: demo.apiKey, logger }));
    await listen(demoServer, config.demoHostPort);
  }

  const readyMs = Math.round(performance.now() - started);
  const lines = [
    '',
    `LeCoffre is ready in ${readyMs} ms`,
    `  API            ${config.baseUrl}   (docs: ${config.baseUrl}/docs)`,
    ...(demoServer ? [`  Demo host      http://localhost:${config.demoHostPort}`] : []),
    ...(embedded ? [`  PostgreSQL     embedded, data in ${config.dataDir}`] : ['  PostgreSQL     DATABASE_URL']),
    ...(demo ? [`  Dev API key    ${demo.apiKey}   (office SELAS AP NOTAIRES, CRPCEN 35026)`] : []),
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await Promise.all([close(server), demoServer ? close(demoServer) : Promise.resolve()]);
    await db.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
