/**
 * `npx tsx bench/upload.ts [--mib 1024]` — a benchmark, not a test. Uploads 1 GiB over HTTP on loopback to
 * the real server (`api/main.ts` as a child process on a temporary data dir, embedded PostgreSQL, fs blob
 * store, encryption on), first as files of 25 MiB (the default limit) one at a time, then the same files
 * sent by 8 uploaders at once, then as one 1 GiB file on a server restarted with LECOFFRE_MAX_UPLOAD_BYTES
 * raised. Prints, for each:
 *
 *   throughput (MB/s), ratio to `sha256sum` on the same bytes on this machine (target >= 0.8: an upload
 *   close to the speed of hashing its bytes), and the server's peak RSS growth (target < 100 MB).
 *
 * Also the same ratio in CPU time (MB per CPU second of the server process vs of sha256sum), which a
 * shared machine disturbs far less than the wall clock. Where the CPU has SHA extensions, Node's
 * OpenSSL hashes about twice as fast as coreutils' sha256sum, so a CPU ratio near 1 is possible.
 *
 * The client streams from disk: `fs.openAsBlob` slices in a FormData sent by fetch, never the whole file
 * in memory (its own RSS growth is printed to show it; this takes `redirect: 'error'`, see uploadOne).
 * Uploads go one at a time, each with the SHA-256 the client announces (as the widget does), so the
 * server verifies every byte. The last line printed is a JSON summary.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startProduct } from '../test/support/product-process.js';
import { processCpuSeconds } from './support/process-cpu.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;
/** The product's default limit, LECOFFRE_MAX_UPLOAD_BYTES (api/config.ts): "25 MB" in the guide. */
const SMALL_FILE = 25 * MiB;
const RSS_TARGET = 100 * MB;
const RATIO_TARGET = 0.8;
/** Uploaders at once in the third case: an office where several clients send their files together. */
const CONCURRENT_UPLOADERS = 8;
const _ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' } } });
const TOTAL = Number(values.mib) * MiB;

// ── Source bytes ─────────────────────────────────────────────────────────────────────────────────────

interface Source {
  file: string;
  /** Hex SHA-256 of each 25 MiB slice, in order, and of the whole file. */
  sliceSha256: string[];
  wholeSha256: string;
}

/** Incompressible bytes with a PDF header at the start of every 25 MiB slice: each slice is an acceptable upload. */
async function writeSource(file: string): Promise<Source> {
  const keystream = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const whole = createHash('sha256');
  const sliceSha256: string[] = [];
  const handle = await open(file, 'w');
  try {
    for (let offset = 0; offset < TOTAL; offset += SMALL_FILE) {
      const block = keystream.update(Buffer.alloc(Math.min(SMALL_FILE, TOTAL - offset)));
      header.copy(block, 0);
      whole.update(block);
      sliceSha256.push(createHash('sha256').update(block).digest('hex'));
      await handle.write(block);
    }
  } finally {
    await handle.close();
  }
  return { file, sliceSha256, wholeSha256: whole.digest('hex') };
}

interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system): unlike wall time, barely moved by other work on a shared machine. */
  cpuSeconds: number;
}

/** `sha256sum` over the file, timed by bash's `time` (wall and CPU of the child). */
async function sha256sum(file: string): Promise<Timing> {
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', ['-c', `TIMEFORMAT='%R %U %S'; time sha256sum "$1" > /dev/null`, 'bench', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sha256sum exited with ${code}: ${stderr}`))));
  });
  const [real, user, system] = stderr.trim().split(/\s+/).slice(-3).map(Number);
  return { seconds: real, cpuSeconds: user + system };
}

// ── The server, as a child process ───────────────────────────────────────────────────────────────────

interface Server {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  apiKey: string;
}

const running = new Set<ChildProcess>();

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  // node itself, not `npm start` (npm -> sh -> tsx -> node): the pid sampled must be the server's.
  const product = await startProduct(dataDir, env);
  running.add(product.child);
  product.child.once('exit', () => running.delete(product.child));
  const apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
  return { child: product.child, pid: product.child.pid as number, baseUrl: product.baseUrl, apiKey };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

// ── Memory ───────────────────────────────────────────────────────────────────────────────────────────

/** VmRSS or VmHWM of a process, in bytes (Linux /proc). */
async function procMemory(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** Resets the kernel's RSS high-water mark (VmHWM) so it covers one phase only; false where not allowed. */
async function resetPeakRss(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while watching the server's CPU time and RSS (sampled every 10 ms, and the kernel's own
 * high-water mark where it can be reset) and the client's RSS: peak growth of each over its value before.
 */
async function measured<T>(serverPid: number, work: () => Promise<T>) {
  const serverBase = await procMemory(serverPid, 'VmRSS');
  const hwmReset = await resetPeakRss(serverPid);
  const clientBase = process.memoryUsage.rss();
  const cpuBefore = await processCpuSeconds(serverPid);
  let serverPeak = serverBase;
  let clientPeak = clientBase;
  const sample = async () => {
    serverPeak = Math.max(serverPeak, await procMemory(serverPid, 'VmRSS').catch(() => 0));
    clientPeak = Math.max(clientPeak, process.memoryUsage.rss());
  };
  const timer = setInterval(() => void sample(), 10);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = (await processCpuSeconds(serverPid)) - cpuBefore;
    await sample();
    if (hwmReset) serverPeak = Math.max(serverPeak, await procMemory(serverPid, 'VmHWM'));
    return {
      result,
      seconds,
      cpuSeconds,
      serverRssGrowth: serverPeak - serverBase,
      serverRssBase: serverBase,
      clientRssGrowth: clientPeak - clientBase,
    };
  } finally {
    clearInterval(timer);
  }
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────

async function api<T>(server: Server, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A document request to upload into (the demo office has no folder). */
async function createRequest(server: Server): Promise<string> {
  const folder = await api<{ id: string }>(server, 'POST', '/v1/folders', {
    number: 'BENCH-1',
    title: 'Banc d’essai',
    deedType: 'vente',
  });
  const withClient = await api<{ client: { id: string } }>(server, 'POST', `/v1/folders/${folder.id}/clients`, {
    client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'claire@example.fr' },
  });
  const requests = await api<{ data: Array<{ id: string }> }>(server, 'POST', `/v1/folders/${folder.id}/document-requests`, {
    clientId: withClient.client.id,
    documents: [{ label: 'Pièces volumineuses' }],
  });
  return requests.data[0].id;
}

/**
 * One file, streamed from its file-backed Blob (`fs.openAsBlob`, sliced) in a FormData by fetch; resolves
 * once the server answered 201 with the same hash.
 *
 * `redirect: 'error'` is what keeps the client's memory flat. With the default `'follow'`, Node 20.20's
 * fetch clones the request (Fetch spec, HTTP-network-or-cache fetch step 2) so that it could replay the
 * body after a redirect: the body stream is teed and the branch never read keeps every chunk. Measured
 * here: +1 GiB of client RSS for the 1 GiB upload with `'follow'`, +34 MB of array buffers with `'error'`,
 * the same with a FormData, a Blob or a ReadableStream body.
 */
async function uploadOne(server: Server, requestId: string, file: Blob, name: string, sha256: string): Promise<void> {
  const form = new FormData();
  form.append('sha256', sha256);
  form.append('file', file, name);
  const res = await fetch(`${server.baseUrl}/v1/document-requests/${requestId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}` },
    body: form,
    redirect: 'error',
  });
  const answer = (await res.json()) as { data?: Array<{ sha256: string; size: number }> };
  const stored = answer.data?.[0];
  if (res.status !== 201 || stored?.sha256 !== sha256 || stored.size !== file.size) {
    throw new Error(`upload of ${name}: ${res.status} ${JSON.stringify(answer)}`);
  }
}

// ── Run ──────────────────────────────────────────────────────────────────────────────────────────────

const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;
const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-upload-'));
  const dataDir = path.join(dir, 'data');
  const stop = () => {
    for (const child of running) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  try {
    console.log(`Writing ${TOTAL / MiB} MiB of test data…`);
    const source = await writeSource(path.join(dir, 'source.bin'));
    const blob = await openAsBlob(source.file, { type: 'application/pdf' });
    // The machine may be shared: sha256sum runs before and after the uploads and its best run counts, so
    // noise can only make our ratio look worse, never better.
    const sumRuns = [await sha256sum(source.file), await sha256sum(source.file)];

    // 1. Files of 25 MiB, on a server with the default limit.
    let server = await startServer(dataDir);
    const requestId = await createRequest(server);
    // Warm-up (lazy imports, JIT, first connections) before the baseline: growth then reflects the bytes.
    await uploadOne(server, requestId, blob.slice(0, SMALL_FILE), 'warm-up.pdf', source.sliceSha256[0]);
    const small = await measured(server.pid, async () => {
      for (let i = 0, offset = 0; offset < TOTAL; i++, offset += SMALL_FILE) {
        await uploadOne(
          server,
          requestId,
          blob.slice(offset, Math.min(TOTAL, offset + SMALL_FILE)),
          `part-${i}.pdf`,
          source.sliceSha256[i],
        );
      }
      return source.sliceSha256.length;
    });
    // 2. The same files, sent by 8 uploaders at once.
    const concurrent = await measured(server.pid, async () => {
      const slices = source.sliceSha256.map((sha256, i) => ({ sha256, i }));
      await Promise.all(
        Array.from({ length: CONCURRENT_UPLOADERS }, async () => {
          for (let slice = slices.shift(); slice; slice = slices.shift()) {
            const offset = slice.i * SMALL_FILE;
            await uploadOne(server, requestId, blob.slice(offset, Math.min(TOTAL, offset + SMALL_FILE)), `c-${slice.i}.pdf`, slice.sha256);
          }
        }),
      );
      return source.sliceSha256.length;
    });
    await stopServer(server);

    // 3. One file of the whole size, the limit raised.
    server = await startServer(dataDir, { LECOFFRE_MAX_UPLOAD_BYTES: String(TOTAL) });
    await uploadOne(server, requestId, blob.slice(0, SMALL_FILE), 'warm-up.pdf', source.sliceSha256[0]);
    const large = await measured(server.pid, () => uploadOne(server, requestId, blob, 'whole.pdf', source.wholeSha256));
    await stopServer(server);

    sumRuns.push(await sha256sum(source.file));
    const baseline = mbps(TOTAL, Math.min(...sumRuns.map((r) => r.seconds)));
    const cpuBaseline = mbps(TOTAL, Math.min(...sumRuns.map((r) => r.cpuSeconds)));
    const rows = [
      { path: `${small.result} files of 25 MiB`, run: small },
      { path: `same, ${CONCURRENT_UPLOADERS} at once`, run: concurrent },
      { path: `1 file of ${TOTAL / MiB} MiB`, run: large },
    ].map(({ path: name, run }) => ({
      path: name,
      mbPerSecond: mbps(TOTAL, run.seconds),
      ratio: mbps(TOTAL, run.seconds) / baseline,
      // MB per server CPU second over MB per sha256sum CPU second: what the path costs beyond a bare hash.
      cpuRatio: mbps(TOTAL, run.cpuSeconds) / cpuBaseline,
      serverRssGrowthMB: run.serverRssGrowth / MB,
      serverRssBaseMB: run.serverRssBase / MB,
      clientRssGrowthMB: run.clientRssGrowth / MB,
    }));

    const load = (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
    console.log(`\n${TOTAL / MiB} MiB over HTTP on loopback, Node ${process.version}, load average ${load}\n`);
    console.log(`sha256sum, same bytes (best of ${sumRuns.length}): ${fmt(baseline)} MB/s wall, ${fmt(cpuBaseline)} MB per CPU second\n`);
    console.log(
      `${'upload'.padEnd(22)}${'MB/s'.padStart(7)}${'ratio'.padStart(7)}${'CPU ratio'.padStart(11)}${'server RSS +MB'.padStart(16)}${'(base MB)'.padStart(11)}${'client RSS +MB'.padStart(16)}`,
    );
    for (const row of rows) {
      console.log(
        `${row.path.padEnd(22)}${fmt(row.mbPerSecond).padStart(7)}${fmt(row.ratio, 2).padStart(7)}${fmt(row.cpuRatio, 2).padStart(11)}${fmt(row.serverRssGrowthMB, 1).padStart(16)}${fmt(row.serverRssBaseMB).padStart(11)}${fmt(row.clientRssGrowthMB, 1).padStart(16)}`,
      );
    }
    const worstRatio = Math.min(...rows.map((r) => r.ratio));
    const worstRss = Math.max(...rows.map((r) => r.serverRssGrowthMB));
    // Had the client loaded the file, the 1 GiB upload alone would have grown it by 1 GiB.
    const clientStreams = large.clientRssGrowth < RSS_TARGET;
    console.log(
      `\nratio >= ${RATIO_TARGET}: ${worstRatio >= RATIO_TARGET ? 'yes' : 'NO'} (${fmt(worstRatio, 2)}); server peak RSS growth < ${RSS_TARGET / MB} MB: ${worstRss < RSS_TARGET / MB ? 'yes' : 'NO'} (${fmt(worstRss, 1)} MB); client streamed from disk: ${clientStreams ? 'yes' : 'NO'}`,
    );
    console.log(
      'The wall-clock ratio moves with whatever else runs on the machine; the CPU ratio (server process CPU only, PostgreSQL aside) barely does.',
    );
    console.log(
      JSON.stringify({
        bench: 'upload',
        bytes: TOTAL,
        loadAverage: load,
        sha256sumMBps: Number(fmt(baseline, 1)),
        sha256sumMBPerCpuSecond: Number(fmt(cpuBaseline, 1)),
        runs: rows.map((r) => ({
          path: r.path,
          mbPerSecond: Number(fmt(r.mbPerSecond, 1)),
          ratio: Number(fmt(r.ratio, 3)),
          cpuRatio: Number(fmt(r.cpuRatio, 3)),
          serverRssGrowthMB: Number(fmt(r.serverRssGrowthMB, 1)),
          clientRssGrowthMB: Number(fmt(r.clientRssGrowthMB, 1)),
        })),
        ratioOk: worstRatio >= RATIO_TARGET,
        rssOk: worstRss < RSS_TARGET / MB,
        clientStreams,
      }),
    );
  } finally {
    stop();
    while (running.size > 0) await sleep(50);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
