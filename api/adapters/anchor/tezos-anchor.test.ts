import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { LocalForger } from '@taquito/local-forging';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, encodeOpHash, PrefixV2 } from '@taquito/utils';
import { originateAnchorContract } from '../../../scripts/originate-anchor-contract.js';
import { startTezosRpcDouble, type TezosRpcDouble } from '../../../test/doubles/tezos-rpc-double.js';
import { AnchorRejectedError, AnchorUnavailableError, type PreparedAnchor } from '../../ports/anchor.js';
import { resumeAnchor, submitAnchor } from '../../services/anchoring/submit-anchor.js';
import { TezosAnchor } from './tezos-anchor.js';

const ROOT = Buffer.from('5a'.repeat(32), 'hex');
const CONTRACT = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
const noSleep = async () => {};

// A fixed development key: the double checks the signatures, so it must be a real Ed25519 key pair.
const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(7), PrefixV2.Ed25519Seed));
const source = await signer.publicKeyHash();

interface Transaction {
  kind: string;
  source?: string;
  destination?: string;
  amount?: string;
  fee?: string;
  parameters?: { entrypoint: string; value: { bytes?: string } };
}

/** Decodes injected bytes the way a node would: forged operation (all but the 64-byte signature). */
async function decode(signedBytes: string): Promise<Transaction[]> {
  const { contents } = await new LocalForger().parse(signedBytes.slice(0, -128));
  return contents as Transaction[];
}

/** Operations included on the double's chain that call `contract`. */
function anchoringCalls(double: TezosRpcDouble, contract = CONTRACT) {
  return double.chain.blocks.flatMap((block) =>
    block.operations.filter((op) => (op.contents as Transaction[]).some((c) => c.kind === 'transaction' && c.destination === contract)),
  );
}

describe('TezosAnchor against a Tezos RPC double (real Taquito path)', () => {
  let double: TezosRpcDouble;
  const anchorOn = (d: TezosRpcDouble) =>
    new TezosAnchor({ rpcUrl: d.url, network: 'ghostnet', contract: CONTRACT, signer, sleep: noSleep });

  beforeEach(async () => {
    double = await startTezosRpcDouble();
    double.fund(source, { publicKey: await signer.publicKey() });
    double.deployBytesContract(CONTRACT);
  });
  afterEach(async () => double.close());

  it('injects one transaction to the contract, entrypoint default, with exactly the root as parameter', async () => {
    const anchor = anchorOn(double);
    const prepared = await anchor.prepare(ROOT);
    assert.equal(double.injections.length, 0, 'prepare() sends nothing');
    const submitted = await anchor.inject(prepared);

    assert.equal(double.injections.length, 1);
    const bytes = double.injections[0].bytes;
    assert.equal(bytes, prepared.signedBytes);
    assert.equal(encodeOpHash(bytes), prepared.operationHash, 'the hash known before injection is the one on chain');
    assert.equal(submitted.operationHash, prepared.operationHash);
    const contents = await decode(bytes);
    assert.equal(contents.length, 1);
    assert.equal(contents[0].kind, 'transaction');
    assert.equal(contents[0].source, source);
    assert.equal(contents[0].destination, CONTRACT);
    assert.equal(contents[0].amount, '0');
    assert.deepEqual(contents[0].parameters, { entrypoint: 'default', value: { bytes: ROOT.toString('hex') } });
    assert.ok(Number(contents[0].fee) > 0 && Number(contents[0].fee) < 5000, `fee ${contents[0].fee} mutez`);
    // Taquito 25 also asks for the mempool filter and does without it when a node lacks it; 24 does not ask.
    const tolerated = 'GET /chains/main/mempool/filter';
    assert.deepEqual(
      double.unhandled.filter((rpc) => rpc !== tolerated),
      [],
      'no RPC the double lacks, but the one Taquito tolerates missing',
    );
  });

  it('is final only once 2 more blocks sit on the inclusion block, and records where', async () => {
    const anchor = anchorOn(double);
    const prepared = await anchor.prepare(ROOT);
    await anchor.inject(prepared);
    assert.deepEqual(await anchor.confirm(prepared), { state: 'pending' }, 'in the mempool');
    double.bake();
    const included = double.chain.head;
    assert.deepEqual(await anchor.confirm(prepared), { state: 'pending', level: included.level, confirmations: 0 });
    double.bake();
    assert.deepEqual(await anchor.confirm(prepared), { state: 'pending', level: included.level, confirmations: 1 });
    double.bake();
    const status = await anchor.confirm(prepared);
    assert.equal(status.state, 'final');
    assert.deepEqual(status.state === 'final' && status.anchor, {
      kind: 'tezos',
      network: 'ghostnet',
      chainId: double.chain.chainId,
      contract: CONTRACT,
      operationHash: prepared.operationHash,
      blockHash: included.hash,
      level: included.level,
      timestamp: included.timestamp,
      explorerUrl: `https://ghostnet.tzkt.io/${prepared.operationHash}`,
    });
  });

  it('retries a counter refusal at injection with a new operation, persisted before it is sent', async () => {
    const persisted: PreparedAnchor[] = [];
    const waits: number[] = [];
    const { prepared } = await submitAnchor(anchorOn(double), ROOT, {
      persist: async (p) => {
        persisted.push(p);
        // Between prepare and inject, another operation from the same key lands and takes the counter.
        if (persisted.length === 1) double.chain.account(source).counter += 1n;
      },
      backoffMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    assert.equal(persisted.length, 2);
    assert.notEqual(persisted[0].operationHash, persisted[1].operationHash);
    assert.equal(prepared, persisted[1]);
    assert.match(double.injections[0].refused?.[0].id ?? '', /counter_in_the_past/);
    assert.equal(double.injections[1].hash, persisted[1].operationHash);
    assert.deepEqual(waits, [100]);
    double.bake(3);
    assert.equal((await anchorOn(double).confirm(prepared)).state, 'final');
    assert.equal(anchoringCalls(double).length, 1, 'one operation on chain');
  });

  it('retries a fee refusal with a higher fee', async () => {
    double.refuseNextInjection([{ kind: 'temporary', id: 'prefilter.fees_too_low' }]);
    const persisted: PreparedAnchor[] = [];
    await submitAnchor(anchorOn(double), ROOT, { persist: async (p) => void persisted.push(p), sleep: noSleep });
    const [first, second] = await Promise.all(persisted.map(async (p) => Number((await decode(p.signedBytes))[0].fee)));
    assert.ok(second > first, `fee ${first} then ${second}`);
  });

  it('does not retry a refusal that a new operation would not cure', async () => {
    double.refuseNextInjection([{ kind: 'permanent', id: 'proto.024-PsUshuai.contract.balance_too_low' }]);
    await assert.rejects(
      submitAnchor(anchorOn(double), ROOT, { persist: async () => {}, sleep: noSleep }),
      (error: unknown) => error instanceof AnchorRejectedError && error.reason === 'other' && !error.retryable,
    );
    assert.equal(double.injections.length, 1);
  });

  it('refuses to prepare a call the contract would reject (preapply fails), before anything is persisted', async () => {
    const anchor = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract: 'KT1TxqZ8QtKvLu3V3JH7Gx58n7Co8pgtpQU5', signer });
    await assert.rejects(anchor.prepare(ROOT), AnchorRejectedError);
    assert.equal(double.injections.length, 0);
  });

  it('reports an unreachable node as unavailable after retrying the same bytes', async () => {
    const prepared = await anchorOn(double).prepare(ROOT);
    await double.close();
    let tries = 0;
    const anchor = new TezosAnchor({
      rpcUrl: double.url,
      network: 'ghostnet',
      contract: CONTRACT,
      signer,
      sleep: async () => void tries++,
    });
    await assert.rejects(anchor.inject(prepared), AnchorUnavailableError);
    assert.equal(tries, 3, 'four attempts, three back-offs');
  });
});

describe('reconciliation after a crash (a new process, only the persisted operation)', () => {
  let double: TezosRpcDouble;
  const anchorOn = () => new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract: CONTRACT, signer, sleep: noSleep });
  let saved: PreparedAnchor | undefined;
  const persist = async (p: PreparedAnchor) => {
    saved = structuredClone(p); // what a database row would give back
  };

  beforeEach(async () => {
    saved = undefined;
    double = await startTezosRpcDouble({ maxOperationsTtl: 8 });
    double.fund(source, { publicKey: await signer.publicKey() });
    double.deployBytesContract(CONTRACT);
  });
  afterEach(async () => double.close());

  it('crash after persisting, before injecting: the same bytes are injected once', async () => {
    const crashing = async (p: PreparedAnchor) => {
      await persist(p);
      throw new Error('SIGKILL');
    };
    await assert.rejects(submitAnchor(anchorOn(), ROOT, { persist: crashing }), /SIGKILL/);
    assert.equal(double.injections.length, 0);

    const resumed = await resumeAnchor(anchorOn(), saved as PreparedAnchor, { persist });
    assert.equal(resumed.prepared.operationHash, saved?.operationHash);
    assert.equal(double.injections.length, 1);
    double.bake(3);
    assert.equal((await anchorOn().confirm(resumed.prepared)).state, 'final');
    assert.equal(anchoringCalls(double).length, 1);
  });

  it('crash after injecting (in the mempool, or already in a block): nothing is sent again', async () => {
    await submitAnchor(anchorOn(), ROOT, { persist });
    const inMempool = await resumeAnchor(anchorOn(), saved as PreparedAnchor, { persist });
    assert.equal(inMempool.status.state, 'pending');
    double.bake(1);
    const included = await resumeAnchor(anchorOn(), saved as PreparedAnchor, { persist });
    assert.deepEqual(included.status, { state: 'pending', level: double.chain.head.level, confirmations: 0 });
    double.bake(2);
    const final = await resumeAnchor(anchorOn(), saved as PreparedAnchor, { persist });
    assert.equal(final.status.state, 'final');
    assert.equal(double.injections.length, 1, 'exactly one injection');
    assert.equal(anchoringCalls(double).length, 1);
  });

  it('an operation never injected and past its time to live is replaced by exactly one new operation', async () => {
    const stale = await anchorOn().prepare(ROOT);
    double.bake(12); // past branch level + max_operations_ttl (8)
    assert.deepEqual(await anchorOn().confirm(stale), { state: 'expired' });
    const resumed = await resumeAnchor(anchorOn(), stale, { persist });
    assert.notEqual(resumed.prepared.operationHash, stale.operationHash);
    assert.equal(saved?.operationHash, resumed.prepared.operationHash, 'the replacement was persisted');
    double.bake(3);
    assert.equal((await anchorOn().confirm(resumed.prepared)).state, 'final');
    assert.equal(double.injections.length, 1);
    assert.equal(anchoringCalls(double).length, 1);
  });
});

describe('scripts/originate-anchor-contract.ts against the double', () => {
  it('originates anchor.tz, then the anchor can call the new contract', async () => {
    const double = await startTezosRpcDouble({ minimalBlockDelaySeconds: 1 });
    try {
      double.fund(source, { publicKey: await signer.publicKey() });
      const baker = setInterval(() => double.bake(), 40);
      const origination = await originateAnchorContract({ rpcUrl: double.url, signer, pollingIntervalMs: 20 }).finally(() =>
        clearInterval(baker),
      );
      assert.match(origination.contract, /^KT1/);
      assert.ok(double.chain.bytesContracts.has(origination.contract));

      const anchor = new TezosAnchor({ rpcUrl: double.url, network: 'mainnet', contract: origination.contract, signer });
      const { prepared } = await submitAnchor(anchor, ROOT, { persist: async () => {} });
      double.bake(3);
      const status = await anchor.confirm(prepared);
      assert.equal(
        status.state === 'final' && status.anchor.kind === 'tezos' && status.anchor.explorerUrl,
        `https://tzkt.io/${prepared.operationHash}`,
      );
      assert.equal(anchoringCalls(double, origination.contract).length, 1);
    } finally {
      await double.close();
    }
  });
});
