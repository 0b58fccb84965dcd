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
const FIXTURE = fileURLToPath(new URL('type-tests/fixture.ts', import.meta.url));

describe('SDK type test', () => {
  it('tsc refuses every mistake marked in the fixture, and nothing else in it', async () => {
    const mistakes = readFileSync(FIXTURE, 'utf8').match(/^\s*\/\/ @ts-expect-error/gm) ?? [];
    assert.ok(mistakes.length >= 15, `${mistakes.length} mistakes in the fixture`);
    const run = await promisify(execFile)('npx', ['tsc', '-p', 'sdk/type-tests', '--listFiles'], { cwd: ROOT }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    const errors = run.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.deepEqual(errors, [], 'tsc reports nothing');
    assert.ok(run.stdout.split('\n').includes(FIXTURE), 'the fixture is one of the files tsc checked');
  });
});
