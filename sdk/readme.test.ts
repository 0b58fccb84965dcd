/**
 * sdk/README.md's examples compile: every ```ts block is written to its own module and type-checked with
 * tsc against the SDK's sources (the workspace `paths` map `@lecoffre/sdk` to them), so a renamed method,
 * a changed return type or a wrong import in the guide fails here, with the README line that is wrong.
 * Each block stands alone: it imports and declares what it uses.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README = fileURLToPath(new URL('README.md', import.meta.url));

interface Block {
  /** 1-based README line of the block's first code line. */
  line: number;
  code: string;
}

function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith('```'));
    assert.ok(end > i, `sdk/README.md:${i + 1}: a ts block that never closes`);
    blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

let dir: string | undefined;
after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('sdk/README.md', () => {
  it('every TypeScript example type-checks against the SDK', async () => {
    const blocks = tsBlocks(await readFile(README, 'utf8'));
    assert.ok(blocks.length >= 6, `${blocks.length} ts blocks found`);
    // Inside the repository, so that the base tsconfig's `paths` and node_modules apply.
    await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
    dir = await mkdtemp(path.join(ROOT, '.tmp', 'readme-'));
    const files = blocks.map((block) => `block-${block.line}.mts`);
    await Promise.all(blocks.map((block, i) => writeFile(path.join(dir as string, files[i]), `${block.code}\nexport {};\n`)));
    const tsconfig = {
      extends: path.relative(dir, path.join(ROOT, 'tsconfig.base.json')),
      // A back end's and a page's view at once: the guide has both.
      compilerOptions: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['node'], noUnusedLocals: false },
      files,
    };
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = await promisify(execFile)('npx', ['tsc', '-p', dir], { cwd: ROOT }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    // `block-120.mts(3,7): error TS…` -> `sdk/README.md:122: error TS…`
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((text) => /error TS\d+/.test(text))
      .map((text) =>
        text.replace(
          /^.*block-(\d+)\.mts\((\d+),\d+\): /,
          (_, first: string, row: string) => `sdk/README.md:${Number(first) + Number(row) - 1}: `,
        ),
      );
    assert.deepEqual(errors, [], `README examples that do not compile:\n${errors.join('\n')}`);
  });
});
