/**
 * `npm run bench`: every benchmark, each in a process of its own (so that one's memory does not skew the
 * next), one after the other, then ONE table: figure, product, baseline, ratio, goal, met, and the
 * machine's load average during the row. Each benchmark prints its own figures and a JSON summary line
 * last; benchmarks that state `rows` (bench/support/rows.ts) are shown as they are, the others through
 * an adapter below. Benchmarks are not tests: they report ratios against a baseline measured in the same
 * run, because these machines are noisy. `npm run bench -- merkle api-requests` runs those only.
 */
import { spawn } from 'node:child_process';
import type { BenchRow } from './support/rows.js';

const BENCHES = [
  'bench/merkle.ts',
  'bench/api-requests.ts',
  'bench/upload-pipeline.ts',
  'bench/upload.ts',
  'bench/bundle-size.ts',
  'bench/search.ts',
  'bench/webhooks.ts',
  'bench/anchor-batch.ts',
  'bench/start-memory.ts',
];

type Summary = Record<string, unknown>;

/**
 * Benchmarks with no goal of their own, which explain a row rather than make one (the upload pipeline
 * without HTTP, the anchoring of a batch): their figures are printed above, a row appears only if they fail.
 */
const OUTSIDE_THE_TABLE = new Set(['bench/upload-pipeline.ts', 'bench/anchor-batch.ts']);

/** Rows for the summaries that predate `rows`. */
const ADAPTERS: Record<string, (s: Summary) => BenchRow[]> = {
  upload: (s) =>
    ((s.runs as Array<{ path: string; mbPerSecond: number; ratio: number; serverRssGrowthMB: number }>) ?? []).map((r) => ({
      figure: `upload: ${r.path}`,
      product: `${r.mbPerSecond} MB/s (RSS +${r.serverRssGrowthMB} MB)`,
      baseline: `${s.sha256sumMBps} MB/s sha256sum`,
      ratio: r.ratio,
      goal: '>= 0.8, RSS < 100 MB',
      met: r.ratio >= 0.8 && r.serverRssGrowthMB < 100,
      load: String(s.loadAverage ?? '?'),
    })),
  search: (s) =>
    ((s.rows as Array<{ case: string; smallP99: number; largeP99: number; ratio: number; load: string }>) ?? []).map((r) => ({
      figure: `search at ${s.large} folders: ${r.case}`,
      product: `p99 ${r.largeP99.toFixed(1)} ms`,
      baseline: `p99 ${r.smallP99.toFixed(1)} ms at ${s.small}`,
      ratio: r.ratio,
      goal: '<= 2',
      met: r.ratio <= 2,
      load: r.load,
    })),
  webhooks: (s) => [
    {
      figure: `webhooks, ${s.events}-event burst`,
      product: `${s.perSecond}/s, lag p99 ${s.lagP99Ms} ms`,
      baseline: `${s.baselinePerSecond}/s bare POSTs`,
      ratio: (s.perSecond as number) / (s.baselinePerSecond as number),
      goal: '>= 1000/s, p99 < 1 s',
      met: Boolean(s.ok),
      load: String(s.load ?? '?'),
    },
  ],
};

function run(file: string): Promise<{ file: string; code: number | null; summary?: Summary }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      let summary: Summary | undefined;
      try {
        summary = last.startsWith('{') ? (JSON.parse(last) as Summary) : undefined;
      } catch {
        summary = undefined;
      }
      resolve({ file, code, summary });
    });
  });
}

function rowsOf(result: { file: string; code: number | null; summary?: Summary }): BenchRow[] {
  const s = result.summary;
  const failed = (why: string): BenchRow[] => [
    { figure: result.file, product: why, baseline: '-', ratio: Number.NaN, goal: '-', met: false, load: '-' },
  ];
  if (OUTSIDE_THE_TABLE.has(result.file)) return result.code === 0 ? [] : failed(`(exited with ${result.code})`);
  if (!s) return failed('(no JSON summary)');
  if (Array.isArray(s.rows) && s.rows.length > 0 && typeof (s.rows[0] as BenchRow).figure === 'string') return s.rows as BenchRow[];
  const adapter = ADAPTERS[String(s.bench)];
  if (adapter) return adapter(s);
  return failed(JSON.stringify(s).slice(0, 80));
}

/**
 * Writes the page cache out before a benchmark starts. The search benchmark leaves a million rows written
 * without fsync, the uploads gigabytes of files: flushed later, in the middle of the next benchmark, they
 * would be measured as that benchmark's slowness (a start, which fsyncs, most of all).
 */
function settleDisk(): Promise<void> {
  return new Promise((resolve) =>
    spawn('sync', { stdio: 'ignore' })
      .on('exit', () => resolve())
      .on('error', () => resolve()),
  );
}

/** A Markdown table: readable in a terminal and pasted as it is into bench/RESULTS.md and the README. */
export function table(rows: BenchRow[]): string {
  const header = ['figure', 'product', 'baseline, same run', 'ratio', 'goal', 'met?', 'load (1 min)'];
  const lines = rows.map((r) => [
    r.figure,
    r.product,
    r.baseline,
    Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '-',
    r.goal,
    r.met === null ? '-' : r.met ? 'yes' : 'no',
    r.load,
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const wanted = process.argv.slice(2);
const files = wanted.length ? BENCHES.filter((f) => wanted.some((w) => f.includes(w))) : BENCHES;
const results = [];
for (const file of files) {
  console.log(`\n── ${file} ${'─'.repeat(Math.max(0, 70 - file.length))}`);
  await settleDisk();
  results.push(await run(file));
}
console.log(`\nnpm run bench, ${new Date().toISOString()}, ${process.version}\n`);
console.log(table(results.flatMap(rowsOf)));
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
