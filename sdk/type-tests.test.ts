/**
 * The SDK's types refuse wrong calls: sdk/type-tests/fixture.ts marks each mistake with `@ts-expect-error`.
 * tsc reports a directive whose next line compiles (TS2578, unused directive), so `tsc -p sdk/type-tests`
 * fails as soon as the types accept one of those mistakes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = [
  // The universal entry as a browser sees it: no Node types.
  { project: 'sdk/type-tests', file: 'type-tests/fixture.ts', least: 15 },
  { project: 'sdk/type-tests/tsconfig.node.json', file: 'type-tests/node-fixture.ts', least: 1 },
];

describe('SDK type test', () => {
  for (const { project, file, least } of FIXTURES) {
    it(`tsc refuses every mistake marked in ${file}, and nothing else in it`, async () => {
      const fixture = fileURLToPath(new URL(file, import.meta.url));
      const mistakes = readFileSync(fixture, 'utf8').match(/^\s*\/\/ @ts-expect-error/gm) ?? [];
      assert.ok(mistakes.length >= least, `${mistakes.length} mistakes in ${file}`);
      const run = await promisify(execFile)('npx', ['tsc', '-p', project, '--listFiles'], { cwd: ROOT }).catch(
        (error: { stdout: string; code: number }) => error,
      );
      const errors = run.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
      assert.deepEqual(errors, [], 'tsc reports nothing');
      assert.ok(run.stdout.split('\n').includes(fixture), 'the fixture is one of the files tsc checked');
    });
  }
});
