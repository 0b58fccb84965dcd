/**
 * `npx tsx bench/webhooks.ts [--events 2000] [--folders 200]`: how fast do committed events reach a
 * receiver? One embedded PostgreSQL, the product's jobs (startJobs, as main.ts runs them: pg-boss, the
 * LISTEN connection, the webhook pump) in this process, a receiver on loopback in a child process (its CPU
 * is not counted). Each round commits `--events` folder.updated events in a burst through the outbox
 * (emitEvent, the API's own writer): `--folders` folders, several writers at once, each committing one
 * update of each of its folders per transaction, so every folder's events are committed in order.
 * Measured per round:
 *
 *   - deliveries/s: events / (last receipt - first commit),
 *   - lag commit -> receipt, p50 and p99,
 *   - CPU-ms per event of this process (emitting, dispatching, delivering) and of PostgreSQL's processes,
 *   - order: every folder's updates received in the order committed (duplicates counted apart).
 *
 * The baseline, in the same run: a plain loop of signed POSTs of the same bodies to the same receiver,
 * one after the other over keep-alive connections. Interleaved 3 times, median; the load average beside
 * each round. Last line: JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { systemClock } from '../api/adapters/clock/system-clock.js';
import { createKeyRing, masterKeyFrom } from '../api/adapters/crypto/key-wrap.js';
import { devOutboxMailer } from '../api/adapters/mail/dev-outbox-mailer.js';
import { devOutboxSmsSender } from '../api/adapters/sms/dev-outbox.js';
import { webhookSealerFor, webhookTransportFor } from '../api/composition.js';
import { loadConfig } from '../api/config.js';
import { openDatabase } from '../api/db/database.js';
import { ensureDatabase, startEmbeddedPostgres } from '../api/db/embedded-postgres.js';
import { migrateDatabase } from '../api/db/migrate.js';
import { startJobs } from '../api/jobs/start-jobs.js';
import { createFolder } from '../api/services/folders/create-folder.js';
import type { Folder } from '../api/services/folders/views.js';
import { emitEvent } from '../api/services/outbox/emit-event.js';
import { USER_AGENT } from '../api/services/webhooks/deliver-batch.js';
import { createWebhookEndpoint } from '../api/services/webhooks/manage-endpoints.js';
import { signerFor } from '../api/services/webhooks/secrets.js';
import { officeActor } from '../test/support/files.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '2000' }, folders: { type: 'string', default: '200' } } });
const EVENTS = Number(values.events);
const FOLDERS = Number(values.folders);
const PER_FOLDER = Math.ceil(EVENTS / FOLDERS);
const ROUNDS = 3;
// Writers committing at once; the pool has 10 connections and the jobs need a few.
const GROUPS = 6;
const GOAL = { perSecond: 1000, p99Ms: 1000 };

// The receiver: answers 204 at once and remembers when each request arrived (wall clock, shared with
// this process) and what it carried. Plain JavaScript so the child needs no loader.
const RECEIVER = `
const http = require('node:http');
let got = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    got.push([at, body.data.id, body.data.title, req.headers['webhook-id']]);
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => { if (m === 'take') { process.send({ got }); got = []; } });
`;

type Receipt = [at: number, folderId: string, title: string, webhookId: string];

async function loadavg(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ')[0] ?? '?';
}

/** CPU (user + system) of the postmaster and its children, in ms. */
async function postgresCpuMs(postmasterPid: number): Promise<number> {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
    total += (Number(fields[11]) + Number(fields[12])) * (1000 / ticks);
  }
  return total;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function take(child: ChildProcess): Promise<Receipt[]> {
  return new Promise((resolve) => {
    const onMessage = (m: { got?: Receipt[] }) => {
      if (!m.got) return;
      child.off('message', onMessage);
      resolve(m.got);
    };
    child.on('message', onMessage);
    child.send('take');
  });
}

const work = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-webhooks-'));
const server = await startEmbeddedPostgres({ dataDir: work, port: 0, durable: false, unref: true });
const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const [{ port }] = (await once(receiver, 'message')) as [{ port: number }];
const url = `http://127.0.0.1:${port}/hooks`;
const databaseUrl = await ensureDatabase(server.adminUrl, 'bench_webhooks');
const db = openDatabase(databaseUrl);
let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
try {
  await migrateDatabase(db);
  const postmasterPid = Number((await readFile(path.join(work, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const config = loadConfig({ NODE_ENV: 'test', LECOFFRE_DATA_DIR: path.join(work, 'data'), LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' });
  const sealer = webhookSealerFor(createKeyRing(masterKeyFrom(randomBytes(32))));
  const officeId = 'off_bench';
  await db.models.Office.create({ id: officeId, name: 'SELAS BENCH NOTAIRES', crpcen: '99999' });
  const ctx = { db, actor: officeActor(officeId) };
  const folders: Folder[] = [];
  for (let i = 0; i < FOLDERS; i++) {
    folders.push(await createFolder(ctx, { number: `WH-${i}`, title: `Vente ${i}`, deedType: 'succession' }));
  }
  const endpoint = await createWebhookEndpoint(
    ctx,
    { clock: systemClock, sealer, urlRules: { allowLoopback: true, requireHttps: false } },
    { url, eventTypes: ['folder.updated'] },
  );
  jobs = await startJobs({
    db,
    config,
    sealer,
    mailer: devOutboxMailer(db),
    sms: devOutboxSmsSender(db),
    logger: pino({ level: 'warn' }),
  });

  /**
   * The burst: GROUPS writers in parallel (as many API requests at once), each over its own folders,
   * committing update j of each of them in one transaction, then update j + 1.
   */
  const product = async (round: number) => {
    const commits = new Map<string, number>();
    const cpu0 = process.cpuUsage();
    const pg0 = await postgresCpuMs(postmasterPid);
    const started = Date.now();
    const groups = Array.from({ length: GROUPS }, (_, g) => folders.filter((_, i) => i % GROUPS === g));
    await Promise.all(
      groups.map(async (group) => {
        for (let j = 0; j < PER_FOLDER; j++) {
          const titles = group.map((f) => `r${round} ${f.id} #${j}`);
          await db.sequelize.transaction(async (transaction) => {
            for (const [k, f] of group.entries()) await emitEvent(ctx, transaction, 'folder.updated', f.id, { ...f, title: titles[k] });
          });
          const at = Date.now();
          for (const t of titles) commits.set(t, at);
        }
      }),
    );
    const commitSpanMs = Date.now() - started;
    const expected = commits.size;
    let got: Receipt[] = [];
    while (new Set(got.map((r) => r[2])).size < expected) {
      if (Date.now() - started > 600_000)
        throw new Error(`round ${round}: ${expected - new Set(got.map((r) => r[2])).size} events never arrived`);
      got = got.concat(await take(receiver));
      await new Promise((r) => setTimeout(r, 100));
    }
    const cpu = process.cpuUsage(cpu0);
    const pgMs = (await postgresCpuMs(postmasterPid)) - pg0;
    const lags = got.map((r) => r[0] - (commits.get(r[2]) ?? Number.NaN)).sort((a, b) => a - b);
    const last = Math.max(...got.map((r) => r[0]));
    // Order: per folder, the update numbers in arrival order (first arrival of each) never go down.
    const seen = new Set<string>();
    const lastIndex = new Map<string, number>();
    let outOfOrder = 0;
    for (const [, folderId, title] of got) {
      if (seen.has(title)) continue;
      seen.add(title);
      const n = Number(title.split('#')[1]);
      if ((lastIndex.get(folderId) ?? -1) > n) outOfOrder++;
      lastIndex.set(folderId, n);
    }
    return {
      commitSpanMs,
      perSecond: (expected / (last - started)) * 1000,
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      nodeCpuMsPerEvent: (cpu.user + cpu.system) / 1000 / expected,
      pgCpuMsPerEvent: pgMs / expected,
      outOfOrder,
      duplicates: got.length - seen.size,
    };
  };

  /** The baseline: the same bodies, signed, POSTed one after the other through the same transport. */
  const transport = webhookTransportFor(config);
  const row = await db.models.WebhookEndpoint.findByPk(endpoint.id);
  if (!row) throw new Error('the endpoint vanished');
  const sign = signerFor([sealer.open(row.secretSealed, row.secretKeyId)]);
  const baseline = async (round: number) => {
    const started = Date.now();
    let sent = 0;
    for (let j = 0; j < PER_FOLDER; j++) {
      for (const f of folders) {
        const now = new Date();
        const id = `msg_baseline_${round}_${sent++}`;
        const body = JSON.stringify({
          type: 'folder.updated',
          timestamp: now.toISOString(),
          data: { ...f, title: `b${round} ${f.id} #${j}` },
        });
        const headers = {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': sign(id, now, body),
        };
        const response = await transport.post({ url, body, headers });
        if (response.kind !== 'response' || response.status !== 204) throw new Error(`baseline: ${JSON.stringify(response)}`);
      }
    }
    await take(receiver);
    return { perSecond: (sent / (Date.now() - started)) * 1000 };
  };

  // Warm-up: connections, JIT, the pump's first claims.
  await baseline(-1);
  await product(-1);
  const rows = [];
  for (let round = 0; round < ROUNDS; round++) {
    const b = await baseline(round);
    const loadB = await loadavg();
    const p = await product(round);
    const loadP = await loadavg();
    rows.push({ baselinePerSecond: b.perSecond, ...p, load: `${loadB}/${loadP}` });
    console.log(
      `round ${round + 1}: baseline ${b.perSecond.toFixed(0)}/s (load ${loadB}) | burst committed in ${p.commitSpanMs} ms, product ${p.perSecond.toFixed(0)}/s, lag p50 ${p.p50} ms p99 ${p.p99} ms, ` +
        `node ${p.nodeCpuMsPerEvent.toFixed(2)} + pg ${p.pgCpuMsPerEvent.toFixed(2)} CPU-ms/event, out of order ${p.outOfOrder}, duplicates ${p.duplicates} (load ${loadP})`,
    );
  }
  const summary = {
    bench: 'webhooks',
    events: PER_FOLDER * FOLDERS,
    folders: FOLDERS,
    baselinePerSecond: Math.round(median(rows.map((r) => r.baselinePerSecond))),
    perSecond: Math.round(median(rows.map((r) => r.perSecond))),
    lagP50Ms: median(rows.map((r) => r.p50)),
    lagP99Ms: median(rows.map((r) => r.p99)),
    nodeCpuMsPerEvent: Number(median(rows.map((r) => r.nodeCpuMsPerEvent)).toFixed(2)),
    pgCpuMsPerEvent: Number(median(rows.map((r) => r.pgCpuMsPerEvent)).toFixed(2)),
    commitSpanMs: median(rows.map((r) => r.commitSpanMs)),
    outOfOrder: rows.reduce((n, r) => n + r.outOfOrder, 0),
    load: rows.map((r) => r.load).join(' '),
    ok: false,
  };
  summary.ok = summary.perSecond >= GOAL.perSecond && summary.lagP99Ms < GOAL.p99Ms && summary.outOfOrder === 0;
  console.log(JSON.stringify(summary));
  // A figure short of the goal on a loaded machine is a finding, not a crash: only disorder fails.
  process.exitCode = summary.outOfOrder === 0 ? 0 : 1;
} finally {
  await jobs?.stop();
  await db.close();
  receiver.kill();
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
