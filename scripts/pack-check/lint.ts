/**
 * publint and @arethetypeswrong/cli on the packed tarball, the very file a vendor would install. Both must
 * report nothing: publint prints "All good!" only then (suggestions included); attw exits non-zero on any problem.
 */
import path from 'node:path';
import { run } from './run.js';

const BIN = path.resolve(import.meta.dirname, '../../node_modules/.bin');

/** attw's runs for each package: its profile and the entry points each run covers. */
const ATTW_RUNS: Record<string, string[][]> = {
  '@lecoffre/proof': [[]],
  // `./browser` is the self-contained ES module for <script type="module">: no require() is meant to reach it.
  '@lecoffre/sdk': [
    ['--exclude-entrypoints', './browser'],
    ['--profile', 'esm-only', '--entrypoints', './browser'],
  ],
  // Web components for browsers and bundlers: an ES module package, no CommonJS build on purpose.
  '@lecoffre/widgets': [['--profile', 'esm-only']],
};

/** Empty when both tools are satisfied, else what they said. */
export async function lintTarball(name: string, tarball: string, cwd: string): Promise<{ publint: string; attw: string }> {
  const publint = await run(path.join(BIN, 'publint'), ['run', tarball], cwd);
  const publintOutput = `${publint.stdout}${publint.stderr}`;
  const attwProblems: string[] = [];
  for (const args of ATTW_RUNS[name] ?? [[]]) {
    const attw = await run(path.join(BIN, 'attw'), [tarball, '--format', 'ascii', '--no-color', '--no-emoji', ...args], cwd);
    if (attw.code !== 0) attwProblems.push(`attw ${args.join(' ')}\n${attw.stdout}${attw.stderr}`);
  }
  return {
    publint: publint.code === 0 && /All good!/.test(publintOutput) ? '' : publintOutput,
    attw: attwProblems.join('\n'),
  };
}
