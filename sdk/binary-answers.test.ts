/**
 * What the SDK gives back for binary answers, against the real API: a file's bytes and an anchored
 * folder's proof bundle are Blobs of the right type, byte for byte (the contract declares them 200 with
 * their media types, so `ResultOf` types them as Blob, not as "no content").
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LocalDevAnchor } from '../api/adapters/anchor/local-dev-anchor.js';
import { runAnchorCycle } from '../api/services/anchoring/anchor-cycle.js';
import { samplePdf, TINY_JPEG } from '../api/services/documents/sample-files.test-support.js';
import { completeFolderWithUploads } from '../test/support/folder-flow.js';
import { LeCoffre, verifyProofBundle } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let lecoffre: LeCoffre;
let dataDir: string;
before(async () => {
  api = await startApi();
  lecoffre = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-sdk-proof-'));
});
after(async () => {
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('binary answers through the SDK', () => {
  it('downloads a file and an anchored folder’s proof bundle as Blobs that verify', async () => {
    const pdf = await samplePdf('Avis SDK');
    const { folderId, fileIds } = await completeFolderWithUploads(api.testApp, 'BIN-1', [
      { label: "Carte Nationale d'Identité", name: 'cni.jpg', bytes: TINY_JPEG },
      { label: "Avis d'imposition", name: 'avis.pdf', bytes: pdf },
    ]);

    const scan = await lecoffre.files.download(fileIds[0]);
    assert.equal(scan.type, 'image/jpeg');
    assert.deepEqual(Buffer.from(await scan.arrayBuffer()), TINY_JPEG);
    const shown = await lecoffre.files.preview(fileIds[1]);
    assert.equal(shown.type, 'application/pdf');
    assert.deepEqual(Buffer.from(await shown.arrayBuffer()), pdf);

    const anchoring = await lecoffre.folders.anchor(folderId);
    assert.equal(anchoring.anchor?.status, 'anchoring');
    await runAnchorCycle({ db: api.testApp.db, anchor: await LocalDevAnchor.open(dataDir), maxBatch: 1000 });
    assert.equal((await lecoffre.folders.retrieve(folderId)).anchor?.status, 'anchored');

    const zip = await lecoffre.folders.proof(folderId);
    assert.equal(zip.type, 'application/zip');
    const report = await verifyProofBundle(new Uint8Array(await zip.arrayBuffer()));
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.folder?.id, folderId);
    assert.equal(report.files.length, 2);
  });
});
