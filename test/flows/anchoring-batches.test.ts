import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../doubles/tezos-rpc-double.js';
import { completeFolderWithUploads } from '../support/folder-flow.js';
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

describe('batches', () => {
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
