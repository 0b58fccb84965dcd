import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { verifyProofBundle } from '@lecoffre/proof';
import { pino } from 'pino';
import supertest from 'supertest';
import { masterKeyFrom } from '../../api/adapters/crypto/key-wrap.js';
import { createApp } from '../../api/app.js';
import { composeProcess } from '../../api/composition.js';
import { loadConfig } from '../../api/config.js';
import { openDatabase } from '../../api/db/database.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { verifyAuditChain } from '../../api/services/audit/verify-audit-chain.js';
import { findUnopenableMasterKeys } from '../../api/services/documents/check-master-keys.js';
import { samplePdf, TINY_JPEG } from '../../api/services/documents/sample-files.test-support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { binary, completeFolderWithUploads } from '../support/folder-flow.js';
import { runScript } from '../support/run-script.js';
import { createOffice } from '../support/test-app.js';

// The drill: data made through the real API, backed up by `npm run backup` while the app runs, the
// originals destroyed, `npm run restore` into a new database and a new data dir, LeCoffre composed on it
// as main.ts composes it. The refusals (wrong key, non-empty target, damaged backup): restore-refusals.test.ts.
const cleanups: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});
const tempDir = async (name: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), `lecoffre-${name}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};
const database = async (options?: { empty?: boolean }): Promise<TestDatabase> => {
  const created = await createTestDatabase(options);
  cleanups.push(() => created.drop());
  return created;
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const masterKey = randomBytes(32).toString('base64');
const idOf = (key: string) => masterKeyFrom(Buffer.from(key, 'base64')).id;

// What the steps hand on: the office (its API key lives in the backed-up database), what was sent.
let office: Awaited<ReturnType<typeof createOffice>>;
const sent = new Map<string, string>();
const anchored: string[] = [];
const proofsBefore = new Map<string, Buffer>();
let backupDir: string;
let restored: TestDatabase;
let restoredEnv: Record<string, string>;

describe('backup and restore drill', () => {
  it('backs up, while the app runs, every row and every blob the rows name; then the originals are destroyed', async () => {
    // The originals: LeCoffre's composition on its own database and data dir, driven over HTTP.
    const original = await database();
    const originalDir = await tempDir('original');
    const originalEnv = { NODE_ENV: 'test', DATABASE_URL: original.url, LECOFFRE_DATA_DIR: originalDir, LECOFFRE_MASTER_KEY: masterKey };
    const config = loadConfig(originalEnv);
    const db = openDatabase(original.url);
    cleanups.push(() => db.close());
    const adapters = await composeProcess(config, db);
    const app = createApp({ config, db, logger: pino({ level: 'silent' }), ...adapters });
    office = await createOffice(db, 'SELAS AP NOTAIRES');
    const t = { request: supertest(app), office };

    for (const number of ['DRILL-1', 'DRILL-2']) {
      // Kept small: the drill's time goes to the two commands, run as processes of their own.
      const files = [
        { label: "Carte Nationale d'Identité recto-verso", name: 'cni.jpg', bytes: TINY_JPEG },
        { label: "Avis d'imposition N-2", name: "Avis d'impôt.pdf", bytes: await samplePdf(`Avis ${number}`) },
      ];
      const { folderId, fileIds } = await completeFolderWithUploads(t, number, files);
      for (const [i, id] of fileIds.entries()) sent.set(id, sha256(files[i].bytes));
      await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', office.auth).expect(202);
      anchored.push(folderId);
    }
    assert.equal((await runAnchorCycle({ db, anchor: adapters.anchor, maxBatch: 1000 })).outcome, 'anchored');
    // A folder still in progress: a file waiting for review, never anchored.
    const invoice = await samplePdf('Facture EDF');
    const { fileIds: pending } = await completeFolderWithUploads(t, 'DRILL-3', [
      { label: 'Justificatif de domicile', name: 'facture.pdf', bytes: invoice },
    ]);
    sent.set(pending[0], sha256(invoice));
    for (const folderId of anchored) {
      proofsBefore.set(
        folderId,
        (await t.request.get(`/v1/folders/${folderId}/proof`).set('Authorization', office.auth).buffer(true).parse(binary).expect(200))
          .body,
      );
    }

    // Backed up while the app still holds its connections.
    backupDir = path.join(await tempDir('backup'), 'backup-1');
    const backup = await runScript('scripts/backup.ts', [backupDir], originalEnv);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, new RegExp(`needs master key ${idOf(masterKey)}; it is NOT in the backup`));
    assert.ok(!(await readdir(backupDir, { recursive: true })).some((f) => f.includes('master-key')), 'no key file in the backup');

    const manifest = JSON.parse(await readFile(path.join(backupDir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.storage.blobs.length, sent.size, 'one blob per file');
    assert.deepEqual(manifest.storage.missing, []);
    assert.deepEqual(manifest.keyRing.masterKeyIds, [idOf(masterKey)]);

    // The originals are destroyed.
    await db.close();
    await original.drop();
    await rm(originalDir, { recursive: true, force: true });
  });

  it('restores into a new database and a new data dir', async () => {
    restored = await database({ empty: true });
    restoredEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: restored.url,
      LECOFFRE_DATA_DIR: await tempDir('restored'),
      LECOFFRE_MASTER_KEY: masterKey,
    };
    const restore = await runScript('scripts/restore.ts', [backupDir], restoredEnv);
    assert.equal(restore.code, 0, restore.stderr);
  });

  it('LeCoffre runs on the restored data: every file decrypts to its SHA-256, every proof verifies', async () => {
    // Composed as main.ts composes it, with main.ts's start check: the key ring opens what was restored.
    const config = loadConfig(restoredEnv);
    const db = openDatabase(restored.url);
    cleanups.push(() => db.close());
    const adapters = await composeProcess(config, db);
    assert.deepEqual(await findUnopenableMasterKeys(db, adapters.storage.cipher), []);
    const request = supertest(createApp({ config, db, logger: pino({ level: 'silent' }), ...adapters }));

    for (const [fileId, expected] of sent) {
      const res = await request.get(`/v1/files/${fileId}/download`).set('Authorization', office.auth).buffer(true).parse(binary);
      assert.equal(res.status, 200, `file ${fileId}`);
      assert.equal(sha256(res.body), expected, `file ${fileId} decrypts to its SHA-256`);
    }
    for (const folderId of anchored) {
      const zip: Buffer = (
        await request.get(`/v1/folders/${folderId}/proof`).set('Authorization', office.auth).buffer(true).parse(binary).expect(200)
      ).body;
      const report = await verifyProofBundle(new Uint8Array(zip));
      assert.equal(report.ok, true, JSON.stringify(report.problems));
      assert.deepEqual(zip, proofsBefore.get(folderId), 'the same proof bundle as before the backup');
    }
    assert.equal((await verifyAuditChain(db, office.id)).ok, true, 'the audit chain came back whole');
    // The search's words are not in the backup: loading the folders rebuilt them, one per word of each.
    const [words] = await db.sequelize.query(
      `SELECT (SELECT array_agg(w ORDER BY w) FROM (SELECT folder_id || ' ' || word AS w FROM folder_words) p) AS indexed,
              (SELECT array_agg(w ORDER BY w) FROM (SELECT DISTINCT f.id || ' ' || t AS w FROM folders f,
                 unnest(string_to_array(f.search_text, ' ')) AS t) e) AS expected`,
    );
    const { indexed, expected } = words[0] as { indexed: string[]; expected: string[] };
    assert.ok(
      expected.some((w) => w.endsWith(' drill-2')),
      'the folders carry their numbers',
    );
    assert.deepEqual(indexed, expected);
  });
});
