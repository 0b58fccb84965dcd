/**
 * The quick start runs as written: its two SDK blocks (docs/guides/quick-start.md) are executed, each as a
 * module of its own under tsx, against a real test app over HTTP, with only the placeholders a reader would
 * fill in replaced (the API's URL, the folder id; the API key comes from LECOFFRE_API_KEY as in the guide).
 * Between them the test plays the client, uploading both requested documents.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { createIdentityTestApp, type IdentityTestApp } from '../support/test-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDE = path.join(ROOT, 'docs', 'guides', 'quick-start.md');

let t: IdentityTestApp;
let dir: string;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(path.join(ROOT, '.tmp', 'quick-start-'));
});
after(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The guide's ts blocks that use the SDK, in order. */
async function sdkBlocks(): Promise<string[]> {
  const blocks = [...(await readFile(GUIDE, 'utf8')).matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  return blocks.filter((code) => code.includes("from '@lecoffre/sdk'"));
}

/** Runs one block as the reader would, with tsx from the repository (so `@lecoffre/sdk` is the SDK's source). */
async function run(name: string, code: string, placeholders: Record<string, string>): Promise<string> {
  let source = code;
  for (const [from, to] of Object.entries(placeholders)) {
    assert.ok(source.includes(from), `${name}: the guide no longer has ${from}`);
    source = source.replaceAll(from, to);
  }
  const file = path.join(dir, `${name}.mts`);
  await writeFile(file, `${source}\nexport {};\n`);
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    env: { ...process.env, LECOFFRE_API_KEY: t.office.apiKey },
  }).catch((error: { stdout: string; stderr: string }) => assert.fail(`${name} failed:\n${error.stdout}\n${error.stderr}`));
  return result.stdout;
}

describe('docs/guides/quick-start.md, run against a test app', () => {
  it('creates the folder, asks for the documents, reviews what the client sent and anchors the folder', async () => {
    const [prepare, review] = await sdkBlocks();
    assert.ok(prepare && review, 'two SDK blocks');
    const url = { "'http://localhost:3000'": `'${t.baseUrl}'` };

    await run('prepare', prepare, url);
    const folders = (await t.request.get('/v1/folders').set('Authorization', t.office.auth).expect(200)).body.data as Array<{
      id: string;
      number: string;
    }>;
    const folder = folders.find((f) => f.number === '2025-001');
    assert.ok(folder, 'the guide made folder 2025-001');

    // The client's part: each requested document uploaded (here with the office's key, over HTTP).
    const requests = (await t.request.get(`/v1/folders/${folder.id}/document-requests`).set('Authorization', t.office.auth).expect(200))
      .body.data as Array<{ id: string; label: string }>;
    assert.deepEqual(requests.map((r) => r.label).sort(), ["Carte Nationale d'Identité recto-verso", 'Livret de famille']);
    for (const request of requests) {
      await t.request
        .post(`/v1/document-requests/${request.id}/files`)
        .set('Authorization', t.office.auth)
        .attach('file', await samplePdf(request.label), { filename: 'scan.pdf' })
        .expect(201);
    }

    const output = await run('review', review, { ...url, "'fld_…'": `'${folder.id}'` });
    assert.match(output, /^anchoring$/m, 'the guide prints the anchoring status');
    const reviewed = (await t.request.get(`/v1/folders/${folder.id}`).set('Authorization', t.office.auth).expect(200)).body;
    assert.equal(reviewed.completion.percent, 100, 'every file validated');
    assert.equal(reviewed.anchor.status, 'anchoring');
  });
});
