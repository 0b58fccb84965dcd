import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { TezosAnchor } from '../api/adapters/anchor/tezos-anchor.js';
import { anchorRoot } from '../api/services/anchoring/proof-bundle.fixture.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../test/doubles/tezos-rpc-double.js';
import { TEZOS_CHAIN_IDS } from './tezos-networks.js';
import { verifyAnchor } from './verify-anchor.js';

const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
const ROOT = '7c'.repeat(32);

describe('the Tezos network a certificate names is the chain its block is on', () => {
  let double: TezosRpcDouble;
  let signer: InMemorySigner;
  before(async () => {
    // The double runs mainnet's chain id, so an anchor recorded as "ghostnet" carries a mainnet block.
    double = await startTezosRpcDouble({ chainId: TEZOS_CHAIN_IDS.mainnet });
    signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(5), PrefixV2.Ed25519Seed));
    double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
    double.deployBytesContract(CONTRACT);
  });
  after(async () => double.close());

  const anchored = (network: string) =>
    anchorRoot(new TezosAnchor({ rpcUrl: double.url, network, contract: CONTRACT, signer, sleep: async () => {} }), ROOT, () =>
      double.bake(3),
    );

  it("mainnet on mainnet's chain: verified against the node", async () => {
    const check = await verifyAnchor(await anchored('mainnet'), ROOT, { tezosRpcUrl: double.url });
    assert.deepEqual(check.problems, []);
    assert.equal(check.verdict.status, 'verified');
  });

  it('"ghostnet" with mainnet\'s chain id fails, offline and online', async () => {
    const anchor = await anchored('ghostnet');
    assert.equal(anchor.kind === 'tezos' && anchor.chainId, TEZOS_CHAIN_IDS.mainnet);
    for (const options of [{}, { tezosRpcUrl: double.url }]) {
      const check = await verifyAnchor(anchor, ROOT, options);
      assert.equal(check.verdict.status, 'failed');
      assert.deepEqual(
        check.problems.map((p) => `${p.code}: ${p.detail}`),
        ['anchor_network_mismatch: $.anchor.network'],
      );
      assert.match(check.problems[0].message.fr, /NetXnHfVqm9iesp/);
    }
  });

  it('a network name nobody can tie to a chain id is a problem, not a pass', async () => {
    const check = await verifyAnchor(await anchored('sandbox'), ROOT, { tezosRpcUrl: double.url });
    assert.equal(check.verdict.status, 'failed');
    assert.deepEqual(
      check.problems.map((p) => p.code),
      ['anchor_network_unknown'],
    );
  });
});
