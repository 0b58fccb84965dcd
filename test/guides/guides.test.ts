/**
 * The guides (docs/guides/*.md) hold what they claim: every ```ts block is written to its own module and
 * type-checked with tsc against the packages' sources (the workspace `paths` map `@lecoffre/sdk` and
 * `@lecoffre/widgets` to them, as sdk/readme.test.ts does) and, for the block without our SDK, against
 * types openapi-typescript generates from the committed spec, as the quick start tells a vendor to. Each
 * block stands alone: it imports and declares what it uses. Errors name the guide's line. Every guide is
 * also rendered to the HTML page /docs serves.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { GUIDES, GUIDES_DIR, renderGuides } from '../../api/http/hosted/reference/guides.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Block {
  guide: string;
  /** 1-based line of the block's first code line in its guide. */
  line: number;
  code: string;
}

function tsBlocks(guide: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith('```'));
    assert.ok(end > i, `docs/guides/${guide}.md:${i + 1}: a ts block that never closes`);
    blocks.push({ guide, line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

let dir: string | undefined;
after(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('docs/guides', () => {
  it('lists every guide once, and each is rendered as a page of /docs with its links to the others', async () => {
    const files = (await readdir(GUIDES_DIR)).filter((file) => file.endsWith('.md')).sort();
    assert.deepEqual(files, GUIDES.map((guide) => `${guide.slug}.md`).sort());
    const pages = await renderGuides();
    const quickStart = pages.get('quick-start') ?? '';
    assert.match(quickStart, /<h1 id="quick-start">Quick start<\/h1>/);
    assert.match(quickStart, /<a href="\/docs\/guides\/webhooks">webhooks<\/a>/, 'a link to another guide points at its page');
    assert.match(quickStart, /<pre><code class="language-ts">/);
  });

  it('every TypeScript example type-checks', async () => {
    const blocks: Block[] = [];
    for (const guide of GUIDES) blocks.push(...tsBlocks(guide.slug, await readFile(path.join(GUIDES_DIR, `${guide.slug}.md`), 'utf8')));
    assert.ok(blocks.length >= 12, `${blocks.length} ts blocks found`);

    // Inside the repository, so that the base tsconfig's `paths` and node_modules apply.
    await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
    dir = await mkdtemp(path.join(ROOT, '.tmp', 'guides-'));
    const spec = JSON.parse(await readFile(path.join(ROOT, 'openapi', 'openapi.json'), 'utf8'));
    // `npx openapi-typescript …/openapi.json -o lecoffre.d.ts`, as the quick start says.
    await writeFile(path.join(dir, 'lecoffre.ts'), COMMENT_HEADER + astToString(await openapiTS(spec)));
    const files = blocks.map((block) => `${block.guide}-${block.line}.mts`);
    await Promise.all(blocks.map((block, i) => writeFile(path.join(dir as string, files[i]), `${block.code}\nexport {};\n`)));
    const tsconfig = {
      extends: path.relative(dir, path.join(ROOT, 'tsconfig.base.json')),
      // A back end's and a page's view at once: the guides have both.
      compilerOptions: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['node'], noUnusedLocals: false },
      files,
    };
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = await promisify(execFile)(process.execPath, [TSC, '-p', dir], { cwd: ROOT }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    // `webhooks-42.mts(3,7): error TS…` -> `docs/guides/webhooks.md:44: error TS…`
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((text) => /error TS\d+/.test(text))
      .map((text) =>
        text.replace(
          /^.*?([a-z-]+)-(\d+)\.mts\((\d+),\d+\): /,
          (_, guide: string, first: string, row: string) => `docs/guides/${guide}.md:${Number(first) + Number(row) - 1}: `,
        ),
      );
    assert.deepEqual(errors, [], `guide examples that do not compile:\n${errors.join('\n')}`);
  });
});
