import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { completeFolderWithUploads } from '../../../test/support/folder-flow.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { samplePdf, TINY_JPEG, TINY_PNG } from './sample-files.test-support.js';
import { INTEGRITY_ALERT_EVENT, INTEGRITY_AUDIT_ACTION, type ScrubDeps, scrubStoredFiles } from './scrub-stored-files.js';

let t: TestApp;
let folderId: string;
let fileIds: string[];
before(async () => {
  t = await createTestApp();
  ({ folderId, fileIds } = await completeFolderWithUploads(t, 'SCRUB-1', [
    { label: "Carte Nationale d'Identité", name: 'cni.jpg', bytes: TINY_JPEG },
    { label: "Avis d'imposition", name: 'avis.pdf', bytes: await samplePdf('Avis scrub') },
    { label: 'Plan', name: 'plan.png', bytes: TINY_PNG },
  ]));
});
after(() => t.close());

/** The scrub's dependencies with what it logs, counts and waits recorded. */
function recorded() {
  const alerts: Array<Record<string, unknown>> = [];
  const counts = { ok: 0, corrupt: 0, missing: 0 };
  const sleeps: number[] = [];
  const deps: ScrubDeps = {
    db: t.db,
    blobStore: t.storage.blobStore,
    cipher: t.storage.cipher,
    logger: { error: (fields) => alerts.push(fields as Record<string, unknown>), info: () => {} },
    metrics: {
      blobScrubbed: (result) => {
        counts[result] += 1;
      },
    },
    sleep: async (ms) => void sleeps.push(ms),
    // The clock stands still: the run is never out of time, and every wait the pacing asks for is recorded.
    now: () => 0,
  };
  return { deps, alerts, counts, sleeps };
}
const unlimited = { bytesPerSecond: Number.MAX_SAFE_INTEGER, budgetMs: 1 };

async function storageKeyOf(fileId: string): Promise<string> {
  const [row] = await t.db.sequelize.query<{ storage_key: string }>('SELECT storage_key FROM document_files WHERE id = :fileId', {
    replacements: { fileId },
    type: QueryTypes.SELECT,
  });
  return row.storage_key;
}

describe('the integrity scrub', () => {
  it('passes intact files, then reports exactly the one whose blob had a byte flipped on disk', async () => {
    const clean = recorded();
    const first = await scrubStoredFiles(clean.deps, unlimited);
    assert.deepEqual([first.checked, first.failures, first.passCompleted], [3, [], true]);
    assert.deepEqual(clean.counts, { ok: 3, corrupt: 0, missing: 0 });

    const victim = fileIds[1];
    const blob = path.join(t.storageDir, ...(await storageKeyOf(victim)).split('/'));
    const bytes = await readFile(blob);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await writeFile(blob, bytes);

    const run = recorded();
    const second = await scrubStoredFiles(run.deps, unlimited);
    assert.equal(second.checked, 3);
    assert.deepEqual(
      second.failures.map((f) => [f.fileId, f.folderId, f.reason]),
      [[victim, folderId, 'segment_tampered']],
    );
    assert.deepEqual(run.counts, { ok: 2, corrupt: 1, missing: 0 }, 'the intact ones pass');
    assert.deepEqual(
      run.alerts.map((a) => [a.event, a.fileId]),
      [[INTEGRITY_ALERT_EVENT, victim]],
      'one alert line, with its stable event name',
    );
    const audit = await t.db.sequelize.query<{ subject_id: string; folder_id: string; data: { reason: string } }>(
      'SELECT subject_id, folder_id, data FROM audit_events WHERE action = :action',
      { replacements: { action: INTEGRITY_AUDIT_ACTION }, type: QueryTypes.SELECT },
    );
    assert.deepEqual(audit, [{ subject_id: victim, folder_id: folderId, data: { reason: 'segment_tampered' } }]);
    assert.equal((await verifyAuditChain(t.db, t.office.id)).ok, true, 'appended to the office chain');
  });

  it('goes on from where it stopped, and reports a blob gone from the store', async () => {
    await rm(path.join(t.storageDir, ...(await storageKeyOf(fileIds[2])).split('/')));
    const stopped = await scrubStoredFiles(recorded().deps, { ...unlimited, maxFiles: 2 });
    assert.deepEqual([stopped.checked, stopped.passCompleted], [2, false]);
    // A new run (as after a restart) checks the third file only, and ends the pass.
    const resumed = await scrubStoredFiles(recorded().deps, unlimited);
    assert.deepEqual([resumed.checked, resumed.passCompleted], [1, true]);
    assert.deepEqual(
      resumed.failures.map((f) => [f.fileId, f.reason]),
      [[fileIds[2], 'blob_missing']],
    );
  });

  it('keeps under the byte rate: it waits as long as the bytes read take at that rate', async () => {
    const run = recorded();
    const result = await scrubStoredFiles(run.deps, { bytesPerSecond: 1000, budgetMs: Number.POSITIVE_INFINITY, maxFiles: 1 });
    assert.equal(result.checked, 1);
    assert.ok(result.bytes > 0);
    assert.deepEqual(run.sleeps, [result.bytes], 'bytes / (1000 bytes/s) = that many milliseconds');
  });
});
