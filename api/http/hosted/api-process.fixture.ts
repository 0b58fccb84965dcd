/**
 * Test fixture, not a test: one API process on an existing, migrated database (DATABASE_URL), listening
 * on a free loopback port. It prints `{"port": <n>}` once ready. LECOFFRE_BASE_URL may name a proxy in
 * front of several such processes; without it the process's own URL is used.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
const config = loadConfig({
  NODE_ENV: 'test',
  LECOFFRE_DATA_DIR: '.tmp/test-data',
  LECOFFRE_BASE_URL: process.env.LECOFFRE_BASE_URL || `http://127.0.0.1:${port}`,
  DATABASE_URL: process.env.DATABASE_URL,
});
const db = openDatabase(config.databaseUrl as string, config.database);
server.on('request', createApp({ config, db, logger: pino({ level: 'silent' }) }));
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void db.close().then(() => process.exit(0)));
});
