import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import PgBoss from 'pg-boss';
import { pino } from 'pino';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { startAnchoringJob } from '../../api/jobs/anchoring-job.js';
import { connectionOf } from '../../api/jobs/connection.js';
import type { AnchorCycleOutcome } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { completeFolderWithUploads } from '../support/folder-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * LECOFFRE_ANCHOR_MAX_BATCH is also a trigger: a batch starts as soon as that many folders wait, without
 * waiting for the interval (an hour here, so that only the trigger can have started a batch). Real pg-boss,
 * real NOTIFY from the anchoring request; the test waits on the job's cycle outcomes.
 */
let t: TestApp;
let boss: PgBoss;
let dataDir: string;
let job: Awaited<ReturnType<typeof startAnchoringJob>>;
const anchored: Array<Extract<AnchorCycleOutcome, { outcome: 'anchored' }>> = [];
const waiters: Array<() => void> = [];

/** Resolves once `count` batches have been anchored by the job. */
function anchoredBatches(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (anchored.length >= count) resolve();
      else waiters.push(check);
    };
    check();
  });
}

before(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-max-batch-'));
  boss = new PgBoss({ ...connectionOf(t.db), max: 4 });
  await boss.start();
  let started = () => {};
  const firstCycle = new Promise<void>((resolve) => {
    started = resolve;
  });
  job = await startAnchoringJob(boss, {
    db: t.db,
    anchor: await LocalDevAnchor.open(dataDir),
    maxBatch: 3,
    intervalSeconds: 3600,
    logger: pino({ level: 'silent' }),
    onCycle: (outcome) => {
      started();
      if (outcome.outcome === 'anchored') anchored.push(outcome);
      for (const waiter of waiters.splice(0)) waiter();
    },
  });
  // The start queues the interval's cycle: once it has run (nothing waits yet), only full batches start
  // before the next interval, an hour away.
  await firstCycle;
});
after(async () => {
  await job.stop();
  await boss.stop({ graceful: true, timeout: 5000 });
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a batch starts as soon as maxBatch folders wait', () => {
  it('5 waiting with a maximum of 3: 3 anchored at once, 2 wait until a third joins them', async () => {
    const folders: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const { folderId } = await completeFolderWithUploads(t, `MAX-${i}`, [
        { label: 'Acte', name: 'acte.pdf', bytes: await samplePdf(`max ${i}`) },
      ]);
      folders.push(folderId);
    }
    const anchor = (folderId: string) => t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);
    const status = async (folderId: string) =>
      (await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200)).body.anchor.status;

    for (const folderId of folders.slice(0, 5)) await anchor(folderId);
    await anchoredBatches(1);
    assert.equal(anchored[0].folders, 3, 'the first batch is a full one');
    assert.deepEqual(await Promise.all(folders.slice(0, 3).map(status)), ['anchored', 'anchored', 'anchored'], 'oldest requests first');

    // The 2 left are not a batch: the next batch is the one a third folder completes, not a batch of 2.
    assert.deepEqual(await Promise.all(folders.slice(3, 5).map(status)), ['anchoring', 'anchoring']);
    await anchor(folders[5]);
    await anchoredBatches(2);
    assert.equal(anchored[1].folders, 3);
    assert.deepEqual(await Promise.all(folders.slice(3).map(status)), ['anchored', 'anchored', 'anchored']);
    assert.equal(anchored.length, 2, 'two batches in all');
  });
});
