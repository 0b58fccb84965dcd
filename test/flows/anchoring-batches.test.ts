import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { verifyProofBundle } from '@lecoffre/proof';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { newId } from '../../api/domain/ids.js';
import { leafHash, MerkleTree, verifyInclusion } from '../../api/domain/merkle.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../doubles/tezos-rpc-double.js';
import { binary, completeFolderWithUploads } from '../support/folder-flow.js';
import { patience } from '../support/patience.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
const SEED_BYTE = 11;
let t: TestApp;
let double: TezosRpcDouble;
let anchor: TezosAnchor;

before(async () => {
  t = await createTestApp();
  double = await startTezosRpcDouble();
  const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(SEED_BYTE), PrefixV2.Ed25519Seed));
  double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
  double.deployBytesContract(CONTRACT);
  anchor = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract: CONTRACT, signer, sleep: async () => {} });
});
after(async () => {
  await double.close();
  await t.close();
});

const anchorThroughApi = (folderId: string) =>
  t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);

/** Waiting folders written straight to the database: one validated file each, anchoring requested. */
async function waitingFolders(count: number): Promise<Array<{ id: string; number: string; root: string }>> {
  const deed = await t.db.models.DeedType.findOne({ where: { code: 'vente' }, rejectOnEmpty: true });
  const folders = Array.from({ length: count }, (_, i) => {
    const sha256 = createHash('sha256').update(randomBytes(16)).digest('hex');
    return {
      id: newId('fld'),
      number: `BULK-${i}`,
      fileId: newId('file'),
      sha256,
      root: leafHash(Buffer.from(sha256, 'hex')).toString('hex'),
    };
  });
  await t.db.models.Folder.bulkCreate(
    folders.map((f) => ({
      id: f.id,
      officeId: t.office.id,
      number: f.number,
      title: 'Vente',
      deedTypeId: deed.id,
      createdBy: null,
      anchorStatus: 'anchoring' as const,
    })),
  );
  await t.db.models.FolderAnchor.bulkCreate(
    folders.map((f) => ({ folderId: f.id, officeId: t.office.id, folderRoot: f.root, files: [{ id: f.fileId, sha256: f.sha256 }] })),
  );
  for (const f of folders) assert.equal(MerkleTree.build([f.sha256]).rootHex, f.root);
  return folders;
}

describe('batches', () => {
  it('anchors 1 000 waiting folders with one operation; each gets its own valid proof', async () => {
    const real = await completeFolderWithUploads(t, 'B-REAL', [{ label: 'Acte', name: 'acte.pdf', bytes: await samplePdf('acte') }]);
    await anchorThroughApi(real.folderId);
    const bulk = await waitingFolders(999);
    const injectionsBefore = double.injections.length;

    const first = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { timeoutMs: 0, pollMs: 0 } });
    assert.equal(first.outcome, 'pending');
    double.bake(3);
    const done = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { pollMs: 0 } });
    assert.deepEqual(done, { outcome: 'anchored', batchId: (done as { batchId: string }).batchId, folders: 1000 });
    assert.equal(double.injections.length - injectionsBefore, 1, 'one operation for 1 000 folders');

    const batch = await t.db.models.AnchorBatch.findOne({
      where: { status: 'final' },
      order: [['createdAt', 'DESC']],
      rejectOnEmpty: true,
    });
    const anchored = await t.db.models.FolderAnchor.findAll({ where: { batchId: batch.id } });
    assert.equal(anchored.length, 1000);
    for (const f of bulk) {
      const row = anchored.find((a) => a.folderId === f.id);
      assert.ok(row?.anchoredAt && row.batchPath, f.number);
      assert.ok(verifyInclusion(f.root, row.batchPath, batch.root), `${f.number}'s path leads to the anchored root`);
    }
    const zip = (
      await t.request.get(`/v1/folders/${real.folderId}/proof`).set('Authorization', t.office.auth).buffer(true).parse(binary).expect(200)
    ).body;
    const report = await verifyProofBundle(new Uint8Array(zip), { tezosRpcUrl: double.url });
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.anchor?.status, 'verified');
  });

  it('survives a worker killed between "submitted" and "final": exactly one operation is injected', async () => {
    const { folderId } = await completeFolderWithUploads(t, 'B-CRASH', [
      { label: 'Acte', name: 'acte.pdf', bytes: await samplePdf('crash') },
    ]);
    await anchorThroughApi(folderId);
    const injectionsBefore = double.injections.length;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/anchor-cycle-child.ts'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, TEZOS_RPC: double.url, CONTRACT, SEED_BYTE: String(SEED_BYTE) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c) => {
      output += c;
    });
    child.stderr?.on('data', (c) => {
      output += c;
    });
    const deadline = Date.now() + patience(60_000);
    while (double.injections.length === injectionsBefore) {
      assert.ok(child.exitCode === null, `the worker exited early:\n${output}`);
      assert.ok(Date.now() < deadline, `no injection in time:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL'); // submitted (persisted and injected), not final: the worst moment.
    await new Promise((resolve) => child.once('exit', resolve));
    const batch = await t.db.models.AnchorBatch.findOne({ where: { status: 'submitted' }, rejectOnEmpty: true });
    assert.ok(batch.prepared?.operationHash);

    double.bake(3);
    const resumed = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { pollMs: 0 } });
    assert.equal(resumed.outcome, 'anchored');
    assert.equal(double.injections.length - injectionsBefore, 1, 'the restarted worker sent nothing again');
    const folder = (await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200)).body;
    assert.equal(folder.anchor.status, 'anchored');
    assert.equal(folder.anchor.operationHash, batch.prepared?.operationHash);
  });
});
