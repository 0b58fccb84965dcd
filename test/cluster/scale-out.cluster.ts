/**
 * `npm run test:cluster`: three API processes behind HAProxy, on one PostgreSQL, one S3 store (s3rver) and
 * one SMTP server, under two minutes of load from 40 virtual users, while one process is SIGKILLed every
 * 30 s (and restarted) and another is once stopped gracefully (SIGTERM). Then: nothing acknowledged is
 * lost, every file reads back intact, webhooks all arrived in order per folder, no folder was anchored
 * twice, and every error is explained by a request that was on a killed process. Prints a report table.
 *
 * Not part of `npm test` (its name is not *.test.ts): it takes minutes and the whole machine.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { LeCoffre } from '@lecoffre/sdk/node';
import { type Database, openDatabase } from '../../api/db/database.js';
import { JITTER, RETRY_DELAYS_SECONDS } from '../../api/services/webhooks/retry-schedule.js';
import { patience, patientDatabaseEnv } from '../support/patience.js';
import { freePort } from '../support/product-process.js';
import { ApiFleet } from './api-fleet.js';
import { allUp, type FaultPlan, runFaults } from './faults.js';
import { ensureHaproxy, Haproxy } from './haproxy.js';
import { S3_BUCKET, S3_KEY, startPostgres, startS3, startSmtpSink, WebhookReceiver } from './infrastructure.js';
import { LoadGenerator } from './load.js';
import { printReport } from './report.js';
import { ensureServerBuild } from './server-build.js';
import { verifyAcknowledged, verifyAnchoring, verifyStoredFiles, verifyWebhooks } from './verify-state.js';
import { verifyTraffic } from './verify-traffic.js';

const USERS = Number(process.env.CLUSTER_USERS ?? 40);
const LOAD_MS = Number(process.env.CLUSTER_LOAD_SECONDS ?? 120) * 1000;
const BACKENDS = ['api1', 'api2', 'api3'];
/** A process lost every 30 s, each in turn; once, between two kills, a graceful stop. */
const STEPS: FaultPlan[] = [
  { at: 30_000, victim: 'api1', signal: 'SIGKILL' },
  { at: 60_000, victim: 'api2', signal: 'SIGKILL' },
  { at: 75_000, victim: 'api3', signal: 'SIGTERM' },
  { at: 90_000, victim: 'api3', signal: 'SIGKILL' },
];
const PLAN = STEPS.filter((step) => step.at < LOAD_MS);
/** Jobs settle on their own schedule: a webhook lease held by a killed process lapses after 60 s. */
const SETTLE_MS = 240_000;
/**
 * A delivery that fails (a 15 s timeout on a starved machine) is retried on the product's schedule: the
 * run waits through two failures of one message (5 s, then 5 min, each up to 10 % late) and a lapsed lease.
 */
const WEBHOOK_SETTLE_MS = Math.max(SETTLE_MS, (RETRY_DELAYS_SECONDS[0] + RETRY_DELAYS_SECONDS[1]) * (1 + JITTER) * 1000 + SETTLE_MS / 2);

const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-cluster-'));
const logDir = path.join(dir, 'logs');
await mkdir(logDir);
const cleanups: Array<() => Promise<unknown>> = [];
let passed = false;
after(async () => {
  // Processes first (each cleanup waits for its own to exit), the directory they write into last.
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup:', error));
  if (!passed) {
    // What each API process and HAProxy logged is what explains a failure: kept beside the temp dir.
    const kept = `${dir}-logs`;
    await cp(logDir, kept, { recursive: true });
    await cp(path.join(dir, 'haproxy.log'), path.join(kept, 'haproxy.log')).catch(() => undefined);
    console.log(`[cluster] logs kept in ${kept}`);
  }
  await rm(dir, { recursive: true, force: true });
});

const log = (line: string) => console.log(`[cluster] ${line}`);

describe('scale-out under faults', () => {
  // 15 minutes on a quiet machine (about 5 are used); a starved one restarts each process in minutes, not seconds.
  it('three API processes behind HAProxy lose nothing while one is killed every 30 s', { timeout: patience(15 * 60_000) }, async () => {
    const haproxyBinary = ensureHaproxy();
    ensureServerBuild(log);
    const [postgres, s3, smtp] = await Promise.all([startPostgres(dir), startS3(dir), startSmtpSink()]);
    cleanups.push(() => postgres.server.stop(), s3.close, smtp.close);
    const receiver = new WebhookReceiver();
    const receiverUrl = await receiver.start();
    cleanups.push(() => receiver.close());

    const balancerPort = await freePort();
    const backends = [];
    for (const name of BACKENDS) backends.push({ name, port: await freePort() });
    const fleet = new ApiFleet(
      {
        NODE_ENV: 'test',
        DATABASE_URL: postgres.databaseUrl,
        LECOFFRE_BASE_URL: `http://127.0.0.1:${balancerPort}`,
        // Shared by every process: the dev API key file and the local-dev anchor's signing key.
        LECOFFRE_DATA_DIR: path.join(dir, 'data'),
        LECOFFRE_MASTER_KEY: randomBytes(32).toString('base64'),
        LECOFFRE_STORAGE: 's3',
        LECOFFRE_S3_BUCKET: S3_BUCKET,
        LECOFFRE_S3_ENDPOINT: s3.endpoint,
        LECOFFRE_S3_ACCESS_KEY_ID: S3_KEY,
        LECOFFRE_S3_SECRET_ACCESS_KEY: S3_KEY,
        LECOFFRE_SMTP_URL: smtp.url,
        LECOFFRE_MAIL_FROM: 'no-reply@lecoffre.test',
        LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true',
        LECOFFRE_ANCHOR: 'local-dev',
        LECOFFRE_ANCHOR_INTERVAL: '2',
        LECOFFRE_LOG_LEVEL: 'warn',
        ...patientDatabaseEnv(),
        // The product's 10 s drain, scaled to the machine: a SIGTERM must let every request in flight finish.
        LECOFFRE_SHUTDOWN_DRAIN_MS: String(patience(10_000)),
        // Above HAProxy's time to mark a failing /readyz DOWN (2 checks 300 ms apart, each up to its timeout).
        LECOFFRE_SHUTDOWN_DELAY_MS: String(Math.min(60_000, patience(2_000))),
      },
      backends,
      logDir,
    );
    cleanups.push(async () => fleet.killAll());

    // The first start migrates and seeds the demo office (its API key); the others then start together.
    let t0 = Date.now();
    await fleet.start('api1');
    await Promise.all(BACKENDS.slice(1).map((name) => fleet.start(name)));
    log(`3 API processes ready in ${Date.now() - t0} ms`);
    // HAProxy's limits scaled like every other: on a starved machine a 5 MB upload takes minutes, not a fault.
    const haproxy = await Haproxy.start(haproxyBinary, dir, balancerPort, backends, patience(3_000), patience(120_000));
    cleanups.push(() => haproxy.stop());
    haproxy.on('health', (t) => log(`HAProxy: ${t.line.slice(0, 120)}`));
    await allUp(haproxy, BACKENDS);
    cleanups.push(() => fleet.stopAll());

    const apiKey = (await readFile(path.join(dir, 'data', 'dev-api-key'), 'utf8')).trim();
    const sdk = new LeCoffre({ apiKey, baseUrl: haproxy.url });
    const endpoint = await sdk.webhookEndpoints.create({ url: receiverUrl, description: 'Cluster test receiver' });
    receiver.secret = endpoint.secret;

    const load = new LoadGenerator(haproxy.url, apiKey);
    t0 = Date.now();
    let faultsDone!: () => void;
    const faultsOver = new Promise<void>((resolve) => {
      faultsDone = resolve;
    });
    const stop = Promise.all([faultsOver, new Promise((resolve) => setTimeout(resolve, LOAD_MS))]).then(() => undefined);
    const [faults] = await Promise.all([
      runFaults({ plan: PLAN, fleet, haproxy, loadStartedAt: t0, log }).finally(faultsDone),
      load.run(USERS, stop),
    ]);
    const loadMs = Date.now() - t0;
    const loadAverage = loadavg();
    log(`load over after ${Math.round(loadMs / 1000)} s: ${load.operations.length} operations, ${load.attempts.size} attempts`);
    await allUp(haproxy, BACKENDS);

    for (const fault of faults) {
      if (fault.signal === 'SIGTERM') assert.equal(fault.exitCode, 0, `graceful stop of ${fault.victim}:\n${fleet.log(fault.victim)}`);
    }
    // Every stream has ended: HAProxy has written its line; read the log to its end before matching.
    await haproxy.flushLog();
    const droppedLogs = await haproxy.droppedLogs();
    const traffic = verifyTraffic(load.attempts, load.operations, haproxy.requests, faults);

    const db: Database = openDatabase(postgres.databaseUrl);
    cleanups.push(() => db.close());
    const acknowledged = await verifyAcknowledged(sdk, load.ledger);
    const stored = await verifyStoredFiles(sdk, db);
    const anchoring = await verifyAnchoring(db, load.ledger, SETTLE_MS);
    const webhooks = await verifyWebhooks(db, endpoint.id, receiver, WEBHOOK_SETTLE_MS);

    printReport({
      users: USERS,
      loadMs,
      load,
      faults,
      traffic,
      stored,
      webhooks,
      anchoring,
      haproxy,
      loadAverage,
      droppedLogs,
      emails: smtp.received.length,
      emailsCut: smtp.cut,
    });

    // Every check's verdict before the first assertion stops the test: one failure must not hide another.
    const verdicts = {
      'no acknowledged write lost': acknowledged,
      'every stored file reads back with its SHA-256': stored.problems,
      'webhooks delivered, verified, in order per folder': webhooks.problems,
      'each folder anchored once': anchoring.problems,
      'every failed request was in flight on a killed process': traffic.problems,
      'HAProxy logged every request': droppedLogs === 0 ? [] : [`${droppedLogs} log lines dropped`],
    };
    for (const [check, problems] of Object.entries(verdicts))
      log(`${problems.length ? 'FAIL' : 'ok  '} ${check} (${problems.length} problems)`);
    for (const [check, problems] of Object.entries(verdicts)) assert.deepEqual(problems.slice(0, 20), [], check);
    for (const fault of faults) {
      assert.ok(fault.downAt > fault.signalAt && fault.upAt > fault.downAt, `HAProxy saw ${fault.victim} go DOWN then UP`);
    }
    const sigterm = traffic.tallies.filter((t) => t.fault.signal === 'SIGTERM');
    for (const t of sigterm) assert.equal(t.failedAttempts, 0, 'a graceful stop drops no request');
    assert.ok(load.ledger.files.size > 0 && load.ledger.anchored.size > 0, 'the load uploaded files and anchored folders');
    passed = true;
  });
});
