import { setTimeout as delay } from 'node:timers/promises';
import type { TezosAnchorProof } from '@lecoffre/proof';
import { LocalForger } from '@taquito/local-forging';
import { InMemorySigner } from '@taquito/signer';
import { type Signer, TezosToolkit, type TransferParams } from '@taquito/taquito';
import { encodeOpHash } from '@taquito/utils';
import {
  type Anchor,
  AnchorRejectedError,
  type AnchorStatus,
  AnchorUnavailableError,
  type PreparedAnchor,
  type PrepareOptions,
  type SubmittedAnchor,
} from '../../ports/anchor.js';
import { tzktUrl } from './tezos-explorer.js';
import { TezosOperationFinder } from './tezos-operation-finder.js';
import { classifyRpcFailure, resultErrorIds } from './tezos-rpc-errors.js';

/** Blocks on top of the inclusion block before an operation is final (Tenderbake: 2). */
export const TEZOS_FINALITY_BLOCKS = 2;

export interface TezosAnchorConfig {
  rpcUrl: string;
  /** `mainnet`, `ghostnet`, or another network's name (for the record and the explorer link). */
  network: string;
  /** The anchoring contract (KT1…), see contract/anchor.tz and scripts/originate-anchor-contract.ts. */
  contract: string;
  /** Signs operations. InMemorySigner for development and ghostnet; any Taquito Signer (remote, HSM) fits. */
  signer: Signer;
  /** Injection attempts on transport errors (same bytes each time). */
  injectAttempts?: number;
  backoffMs?: number;
  /** Fee margin added per prepare attempt after a fee refusal, e.g. 0.25 = +25 % per attempt. */
  feeMarginPerAttempt?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/**
 * Anchors batch roots on Tezos by calling a no-storage contract (`parameter bytes; storage unit`) with the
 * root. prepare() runs Taquito's estimate + prepare, forges locally, signs (watermark 0x03), preapplies, and
 * computes the operation hash (encodeOpHash) before anything is injected. See api/ports/anchor.ts.
 */
export class TezosAnchor implements Anchor {
  readonly network: string;
  private readonly tezos: TezosToolkit;
  private readonly forger = new LocalForger();
  private readonly finder: TezosOperationFinder;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(private readonly config: TezosAnchorConfig) {
    this.network = config.network;
    this.tezos = new TezosToolkit(config.rpcUrl);
    this.tezos.setProvider({ signer: config.signer, forger: this.forger });
    this.finder = new TezosOperationFinder(config.rpcUrl, config.fetch);
    this.sleep = config.sleep ?? ((ms) => delay(ms));
    this.now = config.now ?? (() => new Date());
  }

  /** An anchor signing with an in-memory key (`edsk…`): development, ghostnet, small deployments. */
  static async withSecretKey(config: Omit<TezosAnchorConfig, 'signer'> & { secretKey: string }): Promise<TezosAnchor> {
    const { secretKey, ...rest } = config;
    return new TezosAnchor({ ...rest, signer: await InMemorySigner.fromSecretKey(secretKey) });
  }

  async prepare(root: Uint8Array, options: PrepareOptions = {}): Promise<PreparedAnchor> {
    if (root.length !== 32) throw new TypeError(`A batch root is 32 bytes, got ${root.length}.`);
    const rootHex = Buffer.from(root).toString('hex');
    const call: TransferParams = { to: this.config.contract, amount: 0, parameter: { entrypoint: 'default', value: { bytes: rootHex } } };
    try {
      const estimate = await this.tezos.estimate.transfer(call);
      const margin = 1 + (this.config.feeMarginPerAttempt ?? 0.25) * (options.attempt ?? 0);
      const prepared = await this.tezos.prepare.transaction({
        ...call,
        fee: Math.ceil(estimate.suggestedFeeMutez * margin),
        gasLimit: estimate.gasLimit,
        storageLimit: estimate.storageLimit,
      });
      const forgeParams = this.tezos.prepare.toForge(prepared);
      const forged = await this.forger.forge(forgeParams);
      const signed = await this.config.signer.sign(forged, new Uint8Array([3]));
      // Preapply: the node validates the signed operation (signature, counter, balance, script) without
      // broadcasting it, so a doomed operation is refused before anyone persists it.
      const preapplied = await this.tezos.rpc.preapplyOperations([{ ...prepared.opOb, signature: signed.prefixSig }]);
      const failures = resultErrorIds(preapplied);
      if (failures.length)
        throw new AnchorRejectedError(`The anchoring call would fail: ${failures.join(', ')}.`, 'other', false, failures);
      const [branch, constants] = await Promise.all([this.finder.header(forgeParams.branch), this.tezos.rpc.getConstants()]);
      return {
        network: this.network,
        operationHash: encodeOpHash(signed.sbytes),
        root: rootHex,
        signedBytes: signed.sbytes,
        preparedAt: this.now().toISOString(),
        branchLevel: branch.level,
        validUntilLevel: branch.level + Number(constants.max_operations_time_to_live),
      };
    } catch (error) {
      if (error instanceof AnchorRejectedError || error instanceof AnchorUnavailableError || error instanceof TypeError) throw error;
      throw classifyRpcFailure(error, 'anchoring operation');
    }
  }

  async inject(prepared: PreparedAnchor): Promise<SubmittedAnchor> {
    const attempts = this.config.injectAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        const hash = await this.tezos.rpc.injectOperation(prepared.signedBytes);
        if (hash !== prepared.operationHash) {
          throw new AnchorUnavailableError(`The node answered hash ${hash} for operation ${prepared.operationHash}.`);
        }
        return { network: this.network, operationHash: hash, submittedAt: this.now().toISOString() };
      } catch (error) {
        const failure = error instanceof AnchorUnavailableError ? error : classifyRpcFailure(error, 'injection');
        // A refusal is final for these bytes: retrying them is pointless; the caller prepares anew.
        if (failure instanceof AnchorRejectedError || attempt >= attempts) throw failure;
        await this.sleep((this.config.backoffMs ?? 500) * 2 ** (attempt - 1));
      }
    }
  }

  async confirm(prepared: PreparedAnchor): Promise<AnchorStatus> {
    const head = await this.finder.header('head');
    const until = prepared.validUntilLevel ?? head.level;
    const from = prepared.branchLevel ?? Math.max(0, head.level - 1);
    const location = await this.finder.locate(prepared.operationHash, from, until, head.level);
    if (!location) {
      if (await this.finder.inMempool(prepared.operationHash)) return { state: 'pending' };
      return head.level > until ? { state: 'expired' } : { state: 'not_found' };
    }
    const confirmations = head.level - location.level;
    if (confirmations < TEZOS_FINALITY_BLOCKS) return { state: 'pending', level: location.level, confirmations };

    const [block, operations] = await Promise.all([this.finder.header(location.level), this.finder.managerOperations(location.level)]);
    const operation = operations.find((op) => op.hash === prepared.operationHash);
    const statuses = (operation?.contents ?? []).map((content) => content.metadata?.operation_result?.status);
    if (!operation || statuses.some((status) => status !== 'applied')) {
      const errors = (operation?.contents ?? []).flatMap((c) => c.metadata?.operation_result?.errors ?? []).map((e) => e.id);
      return { state: 'failed', level: location.level, reason: `status ${statuses.join('/') || 'unknown'} ${errors.join(', ')}`.trim() };
    }
    const anchor: TezosAnchorProof = {
      kind: 'tezos',
      network: this.network,
      chainId: block.chain_id,
      contract: this.config.contract,
      operationHash: prepared.operationHash,
      blockHash: block.hash,
      level: block.level,
      timestamp: new Date(block.timestamp).toISOString().replace('.000Z', 'Z'),
      explorerUrl: this.explorerUrl(prepared.operationHash),
    };
    return { state: 'final', anchor };
  }

  explorerUrl(operationHash: string): string | null {
    return tzktUrl(this.network, operationHash);
  }
}
