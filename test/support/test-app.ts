import type { Express } from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { createApp } from '../../api/app.js';
import { type Config, loadConfig } from '../../api/config.js';
import { type Database, openDatabase } from '../../api/db/database.js';
import { newId } from '../../api/domain/ids.js';
import { mintApiKey } from '../../api/services/api-keys/mint-api-key.js';
import { createTestDatabase } from './database.js';

export interface TestOffice {
  id: string;
  apiKey: string;
  /** `Authorization` header value for this office's API key. */
  auth: string;
}

export interface TestApp {
  app: Express;
  db: Database;
  config: Config;
  /** SELAS AP NOTAIRES, the guide's office. */
  office: TestOffice;
  /** A second office: everything of the first must stay invisible to it. */
  otherOffice: TestOffice;
  request: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

let crpcenCounter = 90_000;

export async function createOffice(db: Database, name: string): Promise<TestOffice> {
  const id = newId('off');
  await db.models.Office.create({ id, name, crpcen: String(crpcenCounter++) });
  const key = await mintApiKey(db, { officeId: id, name: 'test', mode: 'test' });
  return { id, apiKey: key.secret, auth: `Bearer ${key.secret}` };
}

/** The real app on a fresh database of its own, driven in-process with supertest. */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = openDatabase(database.url);
  const config = loadConfig({ NODE_ENV: 'test', LECOFFRE_DATA_DIR: '.tmp/test-data', ...env });
  const app = createApp({ config, db, logger: pino({ level: process.env.LECOFFRE_TEST_LOG ?? 'silent' }) });
  const office = await createOffice(db, 'SELAS AP NOTAIRES');
  const otherOffice = await createOffice(db, 'SCP BRISSON VILLECOURT');
  return {
    app,
    db,
    config,
    office,
    otherOffice,
    request: supertest(app),
    async close() {
      await db.close();
      await database.drop();
    },
  };
}
