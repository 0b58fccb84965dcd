/** Auto-pagination over 250 real folders, following the API's `nextCursor`. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFolderWithClient } from '../test/support/test-app.js';
import { LeCoffre } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

const FOLDERS = 250;
let api: RunningApi;
let lecoffre: LeCoffre;
/** Query strings of the list calls the API received. */
let listCalls: string[];

before(async () => {
  listCalls = [];
  api = await startApi((req, _res, next) => {
    if (req.method === 'GET' && req.path === '/v1/folders') listCalls.push(req.url.split('?')[1] ?? '');
    next();
  });
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
  // Written straight to the database (the test helper the API's own tests use): 250 POSTs would take
  // seconds, and what is under test here is the SDK following cursors, not folder creation.
  for (let start = 0; start < FOLDERS; start += 25) {
    await Promise.all(Array.from({ length: 25 }, () => createFolderWithClient(api.testApp.db, api.testApp.office.id)));
  }
});
after(() => api.close());

describe('lists', () => {
  it('walks all 250 folders with for await, 20 per page by default, each exactly once', async () => {
    listCalls = [];
    const ids: string[] = [];
    for await (const folder of lecoffre.folders.list({ status: 'open' })) ids.push(folder.id);
    assert.equal(ids.length, FOLDERS);
    assert.equal(new Set(ids).size, FOLDERS);
    assert.deepEqual(ids, [...ids].sort().reverse(), 'newest first, as the API pages them');
    assert.equal(listCalls.length, Math.ceil(FOLDERS / 20));
    assert.ok(
      listCalls.every((q) => q.includes('status=open')),
      'the filter is kept on every page',
    );
  });

  it('uses limit as the page size', async () => {
    listCalls = [];
    const all = await lecoffre.folders.list({ limit: 100 }).toArray();
    assert.equal(all.length, FOLDERS);
    assert.equal(listCalls.length, 3);
  });

  it('fetches only the pages it needs when the loop stops early', async () => {
    listCalls = [];
    const first30 = await lecoffre.folders.list({ limit: 25 }).toArray({ max: 30 });
    assert.equal(first30.length, 30);
    assert.equal(listCalls.length, 2);
  });

  it('reads one page with .page() and continues from its nextCursor', async () => {
    const first = await lecoffre.folders.list({ limit: 100 }).page();
    assert.equal(first.data.length, 100);
    assert.ok(first.nextCursor);
    const rest = await lecoffre.folders.list({ limit: 100, cursor: first.nextCursor }).toArray();
    assert.equal(rest.length, FOLDERS - 100);
    const ids = new Set([...first.data, ...rest].map((f) => f.id));
    assert.equal(ids.size, FOLDERS);
  });

  it('follows a filter that matches nothing to an empty end', async () => {
    assert.deepEqual(await lecoffre.folders.list({ q: 'aucun dossier ne porte ce titre' }).toArray(), []);
  });
});
