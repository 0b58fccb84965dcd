import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { startTezosRpcDouble, type TezosRpcDouble } from '../../../test/doubles/tezos-rpc-double.js';
import { problemsOf } from '../../../test/support/config.js';
import { loadConfig } from '../../config.js';
import { openAnchor } from './open-anchor.js';

const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
const secretKey = b58Encode(new Uint8Array(32).fill(9), PrefixV2.Ed25519Seed);

const tezosConfig = (rpcUrl: string, key: string) =>
  loadConfig({
    LECOFFRE_ANCHOR: 'tezos',
    LECOFFRE_TEZOS_RPC_URL: rpcUrl,
    LECOFFRE_TEZOS_NETWORK: 'ghostnet',
    LECOFFRE_TEZOS_SECRET_KEY: key,
    LECOFFRE_TEZOS_CONTRACT: CONTRACT,
  });

describe('openAnchor on Tezos', () => {
  let double: TezosRpcDouble;
  before(async () => {
    double = await startTezosRpcDouble();
    const signer = await InMemorySigner.fromSecretKey(secretKey);
    double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
    double.deployBytesContract(CONTRACT);
  });
  after(() => double.close());

  it('refuses at start a secret key with one character changed (its checksum), though Taquito is not loaded yet', () => {
    const last = secretKey.at(-1) === 'a' ? 'b' : 'a';
    const problems = problemsOf({
      LECOFFRE_ANCHOR: 'tezos',
      LECOFFRE_TEZOS_RPC_URL: double.url,
      LECOFFRE_TEZOS_SECRET_KEY: `${secretKey.slice(0, -1)}${last}`,
      LECOFFRE_TEZOS_CONTRACT: CONTRACT,
    });
    assert.ok(
      problems.some((p) => p.includes('checksum does not match')),
      problems.join('\n'),
    );
  });

  it('anchors through Taquito, loaded by the first anchoring, and links to the explorer before that', async () => {
    const anchor = await openAnchor(tezosConfig(double.url, secretKey));
    assert.equal(anchor.network, 'ghostnet');
    assert.equal(anchor.explorerUrl('opABC'), 'https://ghostnet.tzkt.io/opABC');
    const prepared = await anchor.prepare(Buffer.alloc(32, 0x5a));
    const submitted = await anchor.inject(prepared);
    assert.equal(submitted.operationHash, prepared.operationHash);
    assert.equal(double.injections.length, 1);
  });
});
