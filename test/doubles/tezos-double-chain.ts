/**
 * The chain behind the Tezos RPC double (test/doubles/tezos-rpc-double.ts): blocks, accounts, counters, a
 * mempool and the anchoring contracts. Just enough protocol to judge what a client sends the way a node
 * would: counters must follow on, signatures must verify, branches must be live, a contract taking `bytes`
 * refuses anything else. Blocks are only produced when a test calls bake(), so tests control finality.
 */
import { createHash } from 'node:crypto';
import { LocalForger } from '@taquito/local-forging';
import { b58Encode, encodeOpHash, PrefixV2, verifySignature } from '@taquito/utils';

export const DOUBLE_PROTOCOL = 'PsUshuai9QapM5TGj1JpuVGkdxz5GykdnEvS6Rh8SUVrARvZLCY';
const PROTO_ERROR = 'proto.024-PsUshuai';
const GENESIS_TIME = Date.parse('2025-01-01T00:00:00Z');

export type Json = Record<string, unknown>;

/** An RPC error as Octez reports it: HTTP 500, a JSON list of these. */
export interface RpcError {
  kind: 'temporary' | 'permanent' | 'branch';
  id: string;
  [field: string]: unknown;
}

export class RpcFailure extends Error {
  constructor(public readonly errors: RpcError[]) {
    super(errors.map((e) => e.id).join(', '));
  }
}

export interface Account {
  balance: bigint;
  counter: bigint;
  publicKey: string | null;
}

export interface Block {
  hash: string;
  level: number;
  timestamp: string;
  predecessor: string;
  operations: Json[]; // validation pass 3 (manager operations) only; passes 0-2 stay empty
}

export interface MempoolOperation {
  hash: string;
  branch: string;
  contents: Json[];
  signature: string;
  bytes: string;
}

export interface ChainOptions {
  chainId?: string;
  /** Blocks already on chain when the double starts; head~2 must exist. */
  startLevel?: number;
  minimalBlockDelaySeconds?: number;
  maxOperationsTtl?: number;
}

const forger = new LocalForger();

export class DoubleChain {
  readonly chainId: string;
  readonly minimalBlockDelay: number;
  readonly maxOperationsTtl: number;
  readonly blocks: Block[] = [];
  readonly accounts = new Map<string, Account>();
  /** Originated contracts whose parameter is `bytes` (the anchoring contract's type). */
  readonly bytesContracts = new Set<string>();
  mempool: MempoolOperation[] = [];

  constructor(options: ChainOptions = {}) {
    this.chainId = options.chainId ?? 'NetXnHfVqm9iesp'; // ghostnet's chain id
    this.minimalBlockDelay = options.minimalBlockDelaySeconds ?? 6;
    this.maxOperationsTtl = options.maxOperationsTtl ?? 450;
    for (let level = 0; level <= (options.startLevel ?? 10); level++) this.appendBlock([]);
  }

  get head(): Block {
    return this.blocks[this.blocks.length - 1];
  }

  account(address: string): Account {
    let account = this.accounts.get(address);
    if (!account) {
      account = { balance: 0n, counter: 0n, publicKey: null };
      this.accounts.set(address, account);
    }
    return account;
  }

  /** Resolves a block id as Octez does: head, head~n, a level, a block hash. */
  block(id: string): Block | undefined {
    if (id === 'head') return this.head;
    const back = /^head~(\d+)$/.exec(id);
    if (back) return this.blocks[this.head.level - Number(back[1])];
    if (/^\d+$/.test(id)) return this.blocks[Number(id)];
    return this.blocks.find((block) => block.hash === id);
  }

  /** What simulate_operation and preapply answer for these contents, if the counters follow on. */
  apply(contents: Json[], pendingFromMempool = true): Json[] {
    this.checkCounters(contents, pendingFromMempool);
    return contents.map((content) => ({ ...content, metadata: { balance_updates: [], operation_result: this.result(content) } }));
  }

  /** POST /injection/operation: validates the signed bytes and puts them in the mempool. */
  async inject(bytes: string): Promise<string> {
    const hash = encodeOpHash(bytes);
    if (this.mempool.some((op) => op.hash === hash)) return hash; // the same bytes again: already known
    const parsed = await forger.parse(bytes.slice(0, -128));
    const branch = parsed.branch;
    const contents = parsed.contents as unknown as Json[]; // Taquito's union of operation shapes, read as plain JSON
    const signature = b58Encode(bytes.slice(-128), PrefixV2.GenericSignature);
    const branchBlock = this.block(branch);
    if (!branchBlock || branchBlock.level + this.maxOperationsTtl < this.head.level + 1) {
      throw new RpcFailure([{ kind: 'branch', id: 'node.prevalidation.branch_unknown_or_outdated', branch }]);
    }
    const source = String(contents[0].source);
    const publicKey = this.account(source).publicKey ?? contents.find((c) => c.kind === 'reveal')?.public_key;
    if (typeof publicKey !== 'string' || !verifySignature(bytes.slice(0, -128), publicKey, signature, new Uint8Array([3]))) {
      throw new RpcFailure([{ kind: 'temporary', id: `${PROTO_ERROR}.operation.invalid_signature` }]);
    }
    this.apply(contents);
    this.mempool.push({ hash, branch, contents, signature, bytes });
    return hash;
  }

  /** Produces `count` blocks; the first includes the whole mempool. */
  bake(count = 1): Block[] {
    const baked: Block[] = [];
    for (let i = 0; i < count; i++) {
      const included = i === 0 ? this.mempool : [];
      if (i === 0) this.mempool = [];
      const operations = included.map((op) => this.include(op));
      baked.push(this.appendBlock(operations));
    }
    return baked;
  }

  header(block: Block): Json {
    return {
      protocol: DOUBLE_PROTOCOL,
      chain_id: this.chainId,
      hash: block.hash,
      level: block.level,
      proto: 1,
      predecessor: block.predecessor,
      timestamp: block.timestamp,
      validation_pass: 4,
      fitness: ['02', `${block.level.toString(16).padStart(8, '0')}`, '', 'ffffffff', '00000000'],
    };
  }

  fullBlock(block: Block): Json {
    return {
      protocol: DOUBLE_PROTOCOL,
      chain_id: this.chainId,
      hash: block.hash,
      header: this.header(block),
      metadata: { protocol: DOUBLE_PROTOCOL, next_protocol: DOUBLE_PROTOCOL },
      operations: [[], [], [], block.operations],
    };
  }

  private include(op: MempoolOperation): Json {
    const contents = this.apply(op.contents, false);
    for (const content of contents) {
      const source = this.account(String(content.source));
      source.counter = BigInt(String(content.counter));
      source.balance -= BigInt(String(content.fee ?? '0'));
      if (content.kind === 'reveal') source.publicKey = String(content.public_key);
      const result = (content.metadata as Json).operation_result as Json;
      for (const address of (result.originated_contracts as string[] | undefined) ?? []) this.bytesContracts.add(address);
    }
    return { protocol: DOUBLE_PROTOCOL, chain_id: this.chainId, hash: op.hash, branch: op.branch, contents, signature: op.signature };
  }

  private appendBlock(operations: Json[]): Block {
    const level = this.blocks.length;
    const predecessor = this.blocks[level - 1]?.hash ?? b58Encode(digest(`${this.chainId}:genesis`), PrefixV2.BlockHash);
    const hash = b58Encode(digest(`${this.chainId}:${level}:${predecessor}:${operations.map((op) => op.hash).join()}`), PrefixV2.BlockHash);
    const timestamp = new Date(GENESIS_TIME + level * this.minimalBlockDelay * 1000).toISOString().replace('.000Z', 'Z');
    const block = { hash, level, timestamp, predecessor, operations };
    this.blocks.push(block);
    return block;
  }

  /** Each manager operation's counter must be the next one, counting what the mempool already holds. */
  private checkCounters(contents: Json[], pendingFromMempool: boolean): void {
    const next = new Map<string, bigint>();
    for (const content of contents) {
      if (content.counter === undefined) continue;
      const source = String(content.source);
      if (!next.has(source)) {
        const pending = pendingFromMempool ? this.mempool.flatMap((op) => op.contents).filter((c) => c.source === source).length : 0;
        next.set(source, this.account(source).counter + BigInt(pending) + 1n);
      }
      const expected = next.get(source) as bigint;
      const found = BigInt(String(content.counter));
      if (found !== expected) {
        const id = found < expected ? 'counter_in_the_past' : 'counter_in_the_future';
        throw new RpcFailure([
          {
            kind: found < expected ? 'branch' : 'temporary',
            id: `${PROTO_ERROR}.contract.${id}`,
            contract: source,
            expected: `${expected}`,
            found: `${found}`,
          },
        ]);
      }
      next.set(source, expected + 1n);
    }
  }

  private result(content: Json): Json {
    switch (content.kind) {
      case 'reveal':
        return { status: 'applied', consumed_milligas: '169000' };
      case 'origination': {
        // Derived from source and counter, so simulation, preapply and inclusion agree on the address.
        const address = b58Encode(digest(`kt1:${content.source}:${content.counter}`).subarray(0, 20), PrefixV2.ContractHash);
        return {
          status: 'applied',
          originated_contracts: [address],
          consumed_milligas: '600000',
          storage_size: '38',
          paid_storage_size_diff: '38',
        };
      }
      case 'transaction': {
        const destination = String(content.destination);
        if (destination.startsWith('KT1')) {
          const parameters = content.parameters as { entrypoint?: string; value?: { bytes?: unknown } } | undefined;
          const wellTyped = parameters?.entrypoint === 'default' && typeof parameters.value?.bytes === 'string';
          if (!this.bytesContracts.has(destination) || !wellTyped) {
            return {
              status: 'failed',
              errors: [{ kind: 'permanent', id: `${PROTO_ERROR}.michelson_v1.bad_contract_parameter`, contract: destination }],
            };
          }
        }
        return { status: 'applied', storage: { prim: 'Unit' }, balance_updates: [], consumed_milligas: '1416000', storage_size: '38' };
      }
      default:
        return { status: 'applied', consumed_milligas: '1000000' };
    }
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
