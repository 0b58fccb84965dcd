import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { TezosAnchor } from '../../api/adapters/anchor/tezos-anchor.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../doubles/tezos-rpc-double.js';
import { realFoldersWaitingForAnchor, verifyEveryBundle } from '../support/anchoring-scale.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * One operation for many folders, each with a proof of its own: real folders made through the API (no rows
 * written behind its back), every bundle downloaded and verified against the Tezos RPC double. 20 folders
 * keep the file within the runner's time on a shared machine; `npm run bench` (bench/anchor-batch.ts) does
 * the same with 1 000.
 */
const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
const FOLDERS = 20;
let t: TestApp;
let double: TezosRpcDouble;
let anchor: TezosAnchor;

before(async () => {
  t = await createTestApp();
  double = await startTezosRpcDouble();
  const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(13), PrefixV2.Ed25519Seed));
  double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
  double.deployBytesContract(CONTRACT);
  anchor = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract: CONTRACT, signer, sleep: async () => {} });
});
after(async () => {
  await double.close();
  await t.close();
});

describe('one operation for a batch of real folders', () => {
  it('anchors 20 real folders with one operation; every one of their bundles verifies against the node', async () => {
    const folderIds = await realFoldersWaitingForAnchor(t, FOLDERS, 'B-REAL');
    const injectionsBefore = double.injections.length;

    const first = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { timeoutMs: 0, pollMs: 0 } });
    assert.equal(first.outcome, 'pending');
    double.bake(3);
    const done = await runAnchorCycle({ db: t.db, anchor, maxBatch: 1000, wait: { pollMs: 0 } });
    assert.deepEqual(done, { outcome: 'anchored', batchId: (done as { batchId: string }).batchId, folders: FOLDERS });
    assert.equal(double.injections.length - injectionsBefore, 1, `one operation for ${FOLDERS} folders`);

    const reports = await verifyEveryBundle(t, folderIds, { tezosRpcUrl: double.url });
    const operations = new Set<string>();
    for (const [index, report] of reports.entries()) {
      assert.equal(report.ok, true, `B-REAL-${index + 1}: ${JSON.stringify(report.problems)}`);
      assert.equal(report.anchor?.status, 'verified');
      assert.equal(report.folder?.id, folderIds[index]);
      operations.add(report.anchor?.operationHash ?? '');
    }
    assert.equal(operations.size, 1, 'every proof points at the same operation');
  });
});
