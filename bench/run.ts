/**
 * `npm run bench`: every benchmark, each in a process of its own (so that one's memory does not skew the
 * next), one after the other. Each prints its own figures and a JSON summary line last; this prints a
 * table of those summaries. Benchmarks are not tests: they report ratios against a baseline measured in
 * the same run, because these machines are noisy.
 */
import { spawn } from 'node:child_process';

const BENCHES = [
  'bench/merkle.ts',
  'bench/upload-pipeline.ts',
  'bench/upload.ts',
  'bench/bundle-size.ts',
  'bench/search.ts',
  'bench/webhooks.ts',
  'bench/anchor-batch.ts',
];

function run(file: string): Promise<{ file: string; code: number | null; summary: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      resolve({ file, code, summary: last.startsWith('{') ? last : '(no JSON summary)' });
    });
  });
}

const results = [];
for (const file of BENCHES) {
  console.log(`\n── ${file} ${'─'.repeat(Math.max(0, 70 - file.length))}`);
  results.push(await run(file));
}
console.log('\nSummary');
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.file}: ${r.summary}`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
