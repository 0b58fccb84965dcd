/**
 * The built package against the real API: `npm run build`, then plain Node ESM and CommonJS scripts (child
 * processes) import it by its package name (through package.json `exports`) and call the API; the browser
 * build imports nothing and works in Chromium. How the package installs, type-checks under each module
 * resolution and lints is `npm run pack:check`'s job, on the packed tarball.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.js';
import { type RunningApi, startApi } from './test-helpers.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so that `@lecoffre/sdk` resolves to the workspace package (through its `exports`).
const WORK = path.join(ROOT, '.tmp', `sdk-build-test-${process.pid}`);
const BROWSER_DIR = path.join(ROOT, 'sdk/dist/browser');
const BROWSER_ENTRY = 'lecoffre.min.js';

let api: RunningApi;
before(async () => {
  // The browser build and a blank page, served from the API's own origin (the API sends no CORS headers).
  const serveBrowserBuild = startApi((req, res, next) => {
    if (req.path.startsWith('/sdk/')) res.type('text/javascript').sendFile(path.join(BROWSER_DIR, path.basename(req.path)));
    else if (req.path === '/') res.type('html').send('<!doctype html><title>SDK</title>');
    else next();
  });
  const [started] = await Promise.all([serveBrowserBuild, run('npm', ['run', 'build'], { cwd: ROOT })]);
  api = started;
  await mkdir(WORK, { recursive: true });
});
after(async () => {
  await rm(WORK, { recursive: true, force: true });
  await api.close();
});

/** What each consumer script does with the built SDK, printed as JSON for the test to check. */
const scenario = `
  const lecoffre = new LeCoffre({ apiKey: process.env.LECOFFRE_API_KEY, baseUrl: process.env.LECOFFRE_URL });
  const folder = await lecoffre.folders.create({ number: process.env.NUMBER, title: 'Vente Martin', deedType: 'vente' });
  const listed = [];
  for await (const f of lecoffre.folders.list({ q: process.env.NUMBER })) listed.push(f.id);
  let notFound;
  try { await lecoffre.folders.retrieve('fld_00000000000000000000000000'); } catch (e) {
    notFound = { isNotFound: e instanceof NotFoundError, isBase: e instanceof LeCoffreError, code: e.code };
  }
  const proof = await verifyProofBundle(new Uint8Array([1, 2, 3]));
  console.log(JSON.stringify({ created: folder.id, listed, notFound, verify: typeof webhooks.verify, proofOk: proof.ok }));
`;

async function runScript(file: string, source: string, number: string) {
  await writeFile(path.join(WORK, file), source);
  const { stdout } = await run(process.execPath, [path.join(WORK, file)], {
    cwd: WORK,
    env: { ...process.env, LECOFFRE_URL: api.baseUrl, LECOFFRE_API_KEY: api.testApp.office.apiKey, NUMBER: number },
  });
  return JSON.parse(stdout);
}

function assertScenario(result: { created: string; listed: string[]; notFound: unknown; verify: string; proofOk: boolean }) {
  assert.match(result.created, /^fld_/);
  assert.deepEqual(result.listed, [result.created]);
  assert.deepEqual(result.notFound, { isNotFound: true, isBase: true, code: 'folder_not_found' });
  assert.equal(result.verify, 'function');
  assert.equal(result.proofOk, false, 'the proof verifier loads and refuses a non-ZIP');
}

describe('the built SDK (sdk/dist)', () => {
  it('works from a plain Node ESM script', async () => {
    const source = `import { LeCoffre, LeCoffreError, NotFoundError, verifyProofBundle } from '@lecoffre/sdk';
import { webhooks } from '@lecoffre/sdk/node';
${scenario}`;
    assertScenario(await runScript('consumer.mjs', source, 'ESM-1'));
  });

  it('works from a CommonJS script', async () => {
    const source = `const { LeCoffre, LeCoffreError, NotFoundError, verifyProofBundle } = require('@lecoffre/sdk');
const { webhooks } = require('@lecoffre/sdk/node');
(async () => { ${scenario} })().catch((e) => { console.error(e); process.exit(1); });`;
    assertScenario(await runScript('consumer.cjs', source, 'CJS-1'));
  });

  it('ships a browser build that imports no Node built-in nor any package, and reports its size', async (t) => {
    const files = (await readdir(BROWSER_DIR)).filter((f) => f.endsWith('.js'));
    assert.ok(files.includes(BROWSER_ENTRY));
    for (const file of files) {
      const code = await readFile(path.join(BROWSER_DIR, file), 'utf8');
      const imported = [...code.matchAll(/\bimport\s*(?:[\w{*][^"']*from\s*)?\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
      assert.deepEqual(
        imported.filter((specifier) => !/^\.\/[\w-]+\.min\.js$/.test(specifier)),
        [],
        `${file} imports only its sibling chunks`,
      );
      assert.doesNotMatch(code, /\brequire\s*\(|["']node:/, file);
      const gzip = gzipSync(code, { level: 9 }).length;
      t.diagnostic(`${file}: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzip`);
      // 8 kB: the client, its typed errors and pagination, and the OAuth 2.0 helpers (PKCE, code exchange, refresh).
      if (file === BROWSER_ENTRY) assert.ok(gzip < 8 * 1024, `the SDK itself stays small (${gzip} B gzip)`);
    }
  });

  it('runs in a real Chromium from the browser build: create, list, typed errors, proof verifier', async () => {
    const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(api.baseUrl);
      const result = await page.evaluate(async (apiKey) => {
        const sdk = await import(`${location.origin}/sdk/lecoffre.min.js`);
        const lecoffre = new sdk.LeCoffre({ apiKey, baseUrl: location.origin });
        const folder = await lecoffre.folders.create({ number: 'WEB-1', title: 'Vente Martin', deedType: 'vente' });
        const listed: string[] = [];
        for await (const f of lecoffre.folders.list({ q: 'WEB-1' })) listed.push(f.id);
        const error = await lecoffre.folders.retrieve('fld_00000000000000000000000000').catch((e: unknown) => e);
        // Not a ZIP: the verifier (a chunk fetched on demand) says so instead of throwing.
        const report = await sdk.verifyProofBundle(new Uint8Array([1, 2, 3]));
        return {
          proofProblems: report.problems.map((p: { code: string }) => p.code),
          created: folder.id,
          listed,
          notFound: error instanceof sdk.NotFoundError,
          requestId: (error as { requestId?: string }).requestId,
        };
      }, api.testApp.office.apiKey);
      assert.match(result.created, /^fld_/);
      assert.deepEqual(result.listed, [result.created]);
      assert.equal(result.notFound, true);
      assert.match(result.requestId ?? '', /^req_/, 'X-Request-Id is readable');
      assert.deepEqual(result.proofProblems, ['bundle_unreadable']);
    } finally {
      await browser.close();
    }
  });
});
