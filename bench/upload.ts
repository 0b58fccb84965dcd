/**
 * `npx tsx bench/upload.ts [--mib 1024] [--cpu-prof DIR]` — a benchmark, not a test. Uploads 1 GiB over HTTP
 * on loopback to the real server (`api/main.ts` as a child process on a temporary data dir, embedded PostgreSQL, fs blob
 * store, encryption on), first as files of 25 MiB (the default limit) one at a time, then the same files
 * sent by 8 uploaders at once, then as one 1 GiB file on a server restarted with LECOFFRE_MAX_UPLOAD_BYTES
 * raised. Three rounds, each running sha256sum on the same bytes and then the three uploads; prints, for
 * each path, the median of its rounds:
 *
 *   throughput (MB/s), ratio to `sha256sum` on the same bytes on this machine (target >= 0.8: an upload
 *   close to the speed of hashing its bytes), and the server's peak RSS growth (target < 100 MB).
 *
 * Also the same ratio in CPU time (MB per CPU second of the server process vs of sha256sum), which a
 * shared machine disturbs far less than the wall clock. Where the CPU has SHA extensions, Node's
 * OpenSSL hashes about twice as fast as coreutils' sha256sum, so a CPU ratio near 1 is possible.
 *
 * The client is curl, one process per uploader sending its files one after the other on a kept-alive
 * connection, each a multipart form streamed from disk (`-F file=@…`), as an uploader outside the product
 * would: on a 2-core machine the client shares the CPU with the server, and Node's fetch spends about as much CPU building and sending the form as the server spends receiving it,
 * which measured the client more than the product. Its CPU is printed beside the server's. Each upload
 * carries the SHA-256 the client announces (as the widget does), so the server verifies every byte. The
 * last line printed is a JSON summary.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startProduct } from '../test/support/product-process.js';
import { loadavg, median } from './support/rows.js';
import { type Measured, measured, type Timing } from './support/watched-run.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;
/** The product's default limit, LECOFFRE_MAX_UPLOAD_BYTES (api/config.ts): "25 MB" in the guide. */
const SMALL_FILE = 25 * MiB;
const RSS_TARGET = 100 * MB;
const RATIO_TARGET = 0.8;
/** Uploaders at once in the third case: an office where several clients send their files together. */
const CONCURRENT_UPLOADERS = 8;
/** Interleaved rounds of sha256sum and the three uploads; each figure is the median of its rounds. */
const ROUNDS = 3;

const { values } = parseArgs({
  options: {
    mib: { type: 'string', default: '1024' },
    /** A directory: each server runs profiled (bench/support/cpu-profile.mjs) and writes its profile there on exit. */
    'cpu-prof': { type: 'string' },
  },
});
const profiling: Record<string, string> = values['cpu-prof']
  ? { NODE_OPTIONS: `--import=${path.resolve('bench/support/cpu-profile.mjs')}`, CPU_PROFILE_DIR: path.resolve(values['cpu-prof']) }
  : {};
const TOTAL = Number(values.mib) * MiB;

// ── Source bytes ─────────────────────────────────────────────────────────────────────────────────────

interface SourceFile {
  file: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
}

interface Source {
  /** The whole TOTAL bytes, in one file. */
  whole: SourceFile;
  /** The same bytes cut in files of 25 MiB, in order. */
  slices: SourceFile[];
}

/**
 * Incompressible bytes with a PDF header at the start of every 25 MiB slice (each slice is an acceptable
 * upload), written once whole and once cut in slice files, since curl sends whole files.
 */
async function writeSource(dir: string): Promise<Source> {
  const keystream = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const wholeHash = createHash('sha256');
  const whole = path.join(dir, 'source.bin');
  const slices: SourceFile[] = [];
  const handle = await open(whole, 'w');
  try {
    for (let offset = 0; offset < TOTAL; offset += SMALL_FILE) {
      const block = keystream.update(Buffer.alloc(Math.min(SMALL_FILE, TOTAL - offset)));
      header.copy(block, 0);
      wholeHash.update(block);
      await handle.write(block);
      const slice = path.join(dir, `slice-${slices.length}.pdf`);
      await writeFile(slice, block);
      slices.push({ file: slice, sha256: createHash('sha256').update(block).digest('hex'), size: block.length });
    }
  } finally {
    await handle.close();
  }
  return { whole: { file: whole, sha256: wholeHash.digest('hex'), size: TOTAL }, slices };
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
  const product = await startProduct(dataDir, { ...profiling, ...env });
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

/** One interleaved round: sha256sum, then the three upload paths in order. */
interface Round {
  sum: Timing;
  runs: Measured[];
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
 * One uploader: a curl process sending `files` one after the other on one kept-alive connection (as a
 * browser page would), each as a multipart form with its announced hash, streamed from disk. Resolves
 * once every answer was 201 with the file's hash and size. `Expect:` is emptied so that curl does not wait
 * for a "100 Continue" before sending a large body, as browsers do not.
 */
async function uploadAll(server: Server, requestId: string, files: Array<{ source: SourceFile; name: string }>): Promise<void> {
  // With fewer files than uploaders (a small --mib), some have none to send.
  if (files.length === 0) return;
  const url = `${server.baseUrl}/v1/document-requests/${requestId}/files`;
  const args = files.flatMap(({ source, name }, i) => [
    ...(i > 0 ? ['--next'] : []),
    '--silent',
    '--show-error',
    '--header',
    `Authorization: Bearer ${server.apiKey}`,
    '--header',
    'Expect:',
    '--form',
    `sha256=${source.sha256}`,
    '--form',
    `file=@${source.file};type=application/pdf;filename=${name}`,
    '--write-out',
    `${ANSWER_END}%{http_code}\n`,
    url,
  ]);
  const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ stdout: out, code: exitCode }));
  });
  if (code !== 0) throw new Error(`curl exited with ${code}`);
  const answers = stdout.split('\n').filter((line) => line.includes(ANSWER_END));
  for (const [i, { source, name }] of files.entries()) {
    const [body = '', status] = (answers[i] ?? '').split(ANSWER_END);
    const stored = (JSON.parse(body || '{}') as { data?: Array<{ sha256: string; size: number }> }).data?.[0];
    if (status !== '201' || stored?.sha256 !== source.sha256 || stored.size !== source.size) {
      throw new Error(`upload of ${name}: HTTP ${status} ${body}`);
    }
  }
}

/** Between an answer's body (one line of JSON) and its status, in what curl prints. */
const ANSWER_END = '\u241e';

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
    const source = await writeSource(dir);
    // Each round runs sha256sum and the three uploads back to back, so that whatever else the machine
    // does weighs on both sides; each figure is the median of its rounds, the RSS growth the worst one.
    const rounds: Round[] = [];
    let requestId: string | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
      const sum = await sha256sum(source.whole.file);
      // 1. Files of 25 MiB, on a server with the default limit.
      let server = await startServer(dataDir);
      requestId ??= await createRequest(server);
      const request = requestId;
      // Warm-up (lazy imports, JIT, first connections) before measuring: growth then reflects the bytes.
      await uploadAll(server, request, [{ source: source.slices[0], name: 'warm-up.pdf' }]);
      const small = await measured(server.pid, async () => {
        await uploadAll(
          server,
          request,
          source.slices.map((slice, i) => ({ source: slice, name: `part-${i}.pdf` })),
        );
        return source.slices.length;
      });
      // 2. The same files, sent by 8 uploaders at once.
      const concurrent = await measured(server.pid, async () => {
        // Each uploader takes every 8th file: the same bytes as above, in 8 streams at once.
        await Promise.all(
          Array.from({ length: CONCURRENT_UPLOADERS }, (_, uploader) =>
            uploadAll(
              server,
              request,
              source.slices.flatMap((slice, i) => (i % CONCURRENT_UPLOADERS === uploader ? [{ source: slice, name: `c-${i}.pdf` }] : [])),
            ),
          ),
        );
        return source.slices.length;
      });
      await stopServer(server);
      // 3. One file of the whole size, the limit raised.
      server = await startServer(dataDir, { LECOFFRE_MAX_UPLOAD_BYTES: String(TOTAL) });
      await uploadAll(server, request, [{ source: source.slices[0], name: 'warm-up.pdf' }]);
      const large = await measured(server.pid, () => uploadAll(server, request, [{ source: source.whole, name: 'whole.pdf' }]));
      await stopServer(server);
      rounds.push({ sum, runs: [small, concurrent, large] });
      const ratios = rounds.at(-1)?.runs.map((run) => fmt(sum.seconds / run.seconds, 2));
      console.log(
        `round ${round}: sha256sum ${fmt(mbps(TOTAL, sum.seconds))} MB/s; ratios ${ratios?.join(' / ')} (load ${await loadavg()})`,
      );
    }

    const baseline = mbps(TOTAL, median(rounds.map((r) => r.sum.seconds)));
    const cpuBaseline = mbps(TOTAL, median(rounds.map((r) => r.sum.cpuSeconds)));
    const names = [`${source.slices.length} files of 25 MiB`, `same, ${CONCURRENT_UPLOADERS} at once`, `1 file of ${TOTAL / MiB} MiB`];
    const rows = names.map((name, i) => {
      const runs = rounds.map((r) => r.runs[i] as Measured);
      const seconds = median(runs.map((run) => run.seconds));
      const cpuSeconds = median(runs.map((run) => run.cpuSeconds));
      return {
        path: name,
        mbPerSecond: mbps(TOTAL, seconds),
        ratio: mbps(TOTAL, seconds) / baseline,
        // MB per server CPU second over MB per sha256sum CPU second: what the path costs beyond a bare hash.
        cpuRatio: mbps(TOTAL, cpuSeconds) / cpuBaseline,
        serverRssGrowthMB: Math.max(...runs.map((run) => run.serverRssGrowth)) / MB,
        serverRssBaseMB: median(runs.map((run) => run.serverRssBase)) / MB,
        // The curl clients' CPU over the server's: how much of the machine the client took.
        clientCpuShare: median(runs.map((run) => run.clientCpuSeconds / run.cpuSeconds)),
      };
    });

    const load = (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
    console.log(`\n${TOTAL / MiB} MiB over HTTP on loopback, Node ${process.version}, load average ${load}\n`);
    console.log(`sha256sum, same bytes (median of ${ROUNDS}): ${fmt(baseline)} MB/s wall, ${fmt(cpuBaseline)} MB per CPU second\n`);
    console.log(
      `${'upload'.padEnd(22)}${'MB/s'.padStart(7)}${'ratio'.padStart(7)}${'CPU ratio'.padStart(11)}${'server RSS +MB'.padStart(16)}${'(base MB)'.padStart(11)}${'client CPU / server'.padStart(21)}`,
    );
    for (const row of rows) {
      console.log(
        `${row.path.padEnd(22)}${fmt(row.mbPerSecond).padStart(7)}${fmt(row.ratio, 2).padStart(7)}${fmt(row.cpuRatio, 2).padStart(11)}${fmt(row.serverRssGrowthMB, 1).padStart(16)}${fmt(row.serverRssBaseMB).padStart(11)}${fmt(row.clientCpuShare, 2).padStart(21)}`,
      );
    }
    const worstRatio = Math.min(...rows.map((r) => r.ratio));
    const worstRss = Math.max(...rows.map((r) => r.serverRssGrowthMB));
    console.log(
      `\nratio >= ${RATIO_TARGET}: ${worstRatio >= RATIO_TARGET ? 'yes' : 'NO'} (${fmt(worstRatio, 2)}); server peak RSS growth < ${RSS_TARGET / MB} MB: ${worstRss < RSS_TARGET / MB ? 'yes' : 'NO'} (${fmt(worstRss, 1)} MB)`,
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
          clientCpuShare: Number(fmt(r.clientCpuShare, 2)),
        })),
        ratioOk: worstRatio >= RATIO_TARGET,
        rssOk: worstRss < RSS_TARGET / MB,
      }),
    );
  } finally {
    stop();
    while (running.size > 0) await sleep(50);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
