import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { masterKeyFrom } from '../../api/adapters/crypto/key-wrap.js';
import { migrations } from '../../api/db/migrations/index.js';
import { backUp } from '../../api/services/backup/back-up.js';
import { blobPath } from '../../api/services/backup/manifest.js';
import { assertEmptyTarget, checkBackup } from '../../api/services/backup/restore-backup.js';
import { TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { completeFolderWithUploads } from '../support/folder-flow.js';
import { runScript } from '../support/run-script.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A backup of one uploaded file, then every way a restore must refuse before it writes anything.
let t: TestApp;
let work: string;
let backupDir: string;
let target: TestDatabase;
const names = migrations.map((m) => m.name);
before(async () => {
  t = await createTestApp();
  work = await mkdtemp(path.join(tmpdir(), 'lecoffre-refusals-'));
  target = await createTestDatabase({ empty: true });
  await completeFolderWithUploads(t, 'REF-1', [{ label: 'Plan', name: 'plan.png', bytes: TINY_PNG }]);
  backupDir = path.join(work, 'backup');
  await backUp({ db: t.db, blobStore: t.storage.blobStore }, backupDir);
});
after(async () => {
  await t.close();
  await target.drop();
  await rm(work, { recursive: true, force: true });
});

/** A copy of the backup whose manifest `edit` changed. */
async function alteredCopy(name: string, edit: (manifest: Record<string, unknown>) => void): Promise<string> {
  const dir = path.join(work, name);
  await backUp({ db: t.db, blobStore: t.storage.blobStore }, dir);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('npm run restore refuses', () => {
  it('a master key that cannot open the backup, with a clear message, before touching the target', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    const dataDir = path.join(work, 'new-data-dir');
    const refused = await runScript('scripts/restore.ts', [backupDir], {
      NODE_ENV: 'test',
      DATABASE_URL: target.url,
      LECOFFRE_DATA_DIR: dataDir,
      LECOFFRE_MASTER_KEY: wrongKey,
    });
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    const heldId = t.storage.cipher.currentMasterKeyId;
    assert.match(refused.stderr, /The master key ring cannot open this backup/);
    assert.match(refused.stderr, new RegExp(`sealed by master key ${heldId} \\(document_files\\)`));
    assert.match(refused.stderr, new RegExp(`current key \\(${masterKeyFrom(Buffer.from(wrongKey, 'base64')).id}\\)`));
    assert.ok(!refused.stderr.includes(wrongKey) && !refused.stdout.includes(wrongKey), 'never prints a key');
    assert.deepEqual(await readdir(dataDir).catch(() => []), [], 'nothing written to the new data dir');
  });

  it('a target that already holds data', async () => {
    await assert.rejects(assertEmptyTarget({ db: t.db, blobStore: t.storage.blobStore }), /target database is not empty/);
  });

  it('a damaged backup: one flipped byte in a blob', async () => {
    const dir = path.join(work, 'damaged');
    const manifest = await backUp({ db: t.db, blobStore: t.storage.blobStore }, dir);
    const file = blobPath(dir, manifest.storage.blobs[0].key);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 0x01;
    await writeFile(file, bytes);
    await assert.rejects(
      checkBackup(dir, { cipher: t.storage.cipher, migrations: names }),
      /The backup is damaged: .* is not what the manifest recorded/,
    );
    assert.equal(
      (await checkBackup(backupDir, { cipher: t.storage.cipher, migrations: names })).storage.blobs.length,
      1,
      'the intact one passes',
    );
  });

  it('a backup of another schema version', async () => {
    const dir = await alteredCopy('older', (m) => {
      m.migrations = names.slice(0, -1);
    });
    await assert.rejects(
      checkBackup(dir, { cipher: t.storage.cipher, migrations: names }),
      /restore with the version of LeCoffre that made the backup/,
    );
  });

  it('a backup directory that never got its manifest', async () => {
    await assert.rejects(checkBackup(work, { cipher: t.storage.cipher, migrations: names }), /holds no manifest.json/);
  });
});
