import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyProofBundle } from '@lecoffre/proof';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { unzipSync, zipSync } from 'fflate';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf, TINY_JPEG, TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../doubles/tezos-rpc-double.js';
import { verifyIndependently } from '../independent-verifier/verify.js';
import { binary, completeFolderWithUploads } from '../support/folder-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let dataDir: string;
before(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-anchor-'));
});
after(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const proofOf = async (folderId: string): Promise<Buffer> =>
  (await t.request.get(`/v1/folders/${folderId}/proof`).set('Authorization', t.office.auth).buffer(true).parse(binary).expect(200)).body;

async function guideFolder(number: string) {
  return completeFolderWithUploads(t, number, [
    { label: "Carte Nationale d'Identité recto-verso", name: 'cni.jpg', bytes: TINY_JPEG },
    { label: "Avis d'imposition N-2", name: "Avis d'impôt.pdf", bytes: await samplePdf(`Avis ${number}`) },
    { label: 'Autres documents', name: 'plan.png', bytes: TINY_PNG },
  ]);
}

describe('"Valider et ancrer" with the local-dev anchor', () => {
  it('freezes the folder, anchors it, and hands out a proof that verifies — and fails on one flipped byte', async () => {
    const { folderId, fileIds } = await guideFolder('ANC-1');
    const started = await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);
    assert.equal(started.body.anchor.status, 'anchoring');

    // Frozen: no new request, no review, no second anchoring.
    const frozen = await t.request
      .post(`/v1/files/${fileIds[0]}/refuse`)
      .set('Authorization', t.office.auth)
      .send({ reason: 'x' })
      .expect(409);
    assert.equal(frozen.body.code, 'folder_frozen');
    assert.equal(
      (await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(409)).body.code,
      'folder_already_anchored',
    );
    assert.equal(
      (await t.request.get(`/v1/folders/${folderId}/proof`).set('Authorization', t.office.auth).expect(409)).body.code,
      'folder_not_anchored',
    );

    const cycle = await runAnchorCycle({ db: t.db, anchor: await LocalDevAnchor.open(dataDir), maxBatch: 1000 });
    assert.equal(cycle.outcome, 'anchored');
    const folder = (await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200)).body;
    assert.equal(folder.anchor.status, 'anchored');
    assert.equal(folder.anchor.network, 'local-dev');

    const zip = await proofOf(folderId);
    assert.deepEqual(await proofOf(folderId), zip, 'the same folder gives the same bytes');
    const entries = unzipSync(new Uint8Array(zip));
    assert.ok(entries['Certificat de dépôt.pdf']);
    const documents = Object.keys(entries).filter((name) => name.startsWith('Documents du client/'));
    assert.equal(documents.length, 3);
    const report = await verifyProofBundle(new Uint8Array(zip));
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.anchor?.status, 'local_dev');
    assert.equal(report.verdict, 'warning', 'a local-dev proof is never shown valid');
    assert.equal(report.formatVersion, 2);
    // The verifier written from docs/proof-format.md alone agrees on today's bundle.
    assert.deepEqual(verifyIndependently(new Uint8Array(zip)).failures, []);

    const victim = documents.find((name) => name.endsWith('.pdf')) as string;
    entries[victim][entries[victim].length - 10] ^= 0x01;
    const tampered = await verifyProofBundle(zipSync(entries));
    assert.equal(tampered.ok, false);
    assert.deepEqual(
      tampered.problems.map((p) => `${p.code}: ${p.culprit}`),
      [`file_modified: ${victim}`],
    );
  });

  it('refuses to anchor a folder below 100%', async () => {
    const folderId = (
      await t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .send({ number: 'ANC-0', title: 'x', deedType: 'vente' })
        .expect(201)
    ).body.id;
    const res = await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(409);
    assert.equal(res.body.code, 'folder_not_complete');
  });
});

describe('anchoring on Tezos (Taquito against the Tezos RPC double)', () => {
  let double: TezosRpcDouble;
  const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
  before(async () => {
    double = await startTezosRpcDouble();
  });
  after(() => double.close());

  it('anchors two folders with one operation, final after two blocks, each proof verified against the node', async () => {
    const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(9), PrefixV2.Ed25519Seed));
    double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
    double.deployBytesContract(CONTRACT);
    const anchor = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract: CONTRACT, signer, sleep: async () => {} });

    const a = await guideFolder('TZ-1');
    const b = await guideFolder('TZ-2');
    for (const { folderId } of [a, b])
      await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);

    // Not final yet: the cycle ends pending and the folders stay "anchoring".
    const pending = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { timeoutMs: 0, pollMs: 0 } });
    assert.equal(pending.outcome, 'pending');
    assert.equal(double.injections.length, 1, 'one operation for the whole batch');
    double.bake(3);
    const final = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { pollMs: 0 } });
    assert.equal(final.outcome, 'anchored');
    assert.equal(double.injections.length, 1, 'resuming sends nothing again');

    for (const { folderId } of [a, b]) {
      const report = await verifyProofBundle(new Uint8Array(await proofOf(folderId)), { tezosRpcUrl: double.url });
      assert.equal(report.ok, true, JSON.stringify(report.problems));
      assert.equal(report.anchor?.status, 'verified');
      const folder = (await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200)).body;
      assert.equal(folder.anchor.explorerUrl, `https://ghostnet.tzkt.io/${folder.anchor.operationHash}`);
    }
  });
});
