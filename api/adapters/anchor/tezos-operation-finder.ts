import { AnchorUnavailableError } from '../../ports/anchor.js';

/**
 * Finds an operation on a Tezos node by its hash alone (nodes have no index by hash, explorers do, and we
 * want no dependency on an explorer). An operation can only be included after its branch block and at most
 * max_operations_ttl blocks later, so that window is scanned through the small
 * `blocks/<level>/operation_hashes/3` RPC (manager operations). Progress is remembered per operation, so the
 * job's polling scans each block once; after a restart the first confirm() scans the window once.
 */
export interface OperationLocation {
  level: number;
}

interface SearchProgress {
  scannedUpTo: number;
  foundAt?: number;
}

export interface ManagerOperation {
  hash: string;
  chain_id?: string;
  contents?: Array<{ kind?: string; metadata?: { operation_result?: { status?: string; errors?: Array<{ id?: string }> } } }>;
}

export interface BlockHeader {
  hash: string;
  level: number;
  timestamp: string;
  chain_id: string;
}

const SCAN_CONCURRENCY = 8;

export class TezosOperationFinder {
  private readonly progress = new Map<string, SearchProgress>();
  private readonly base: string;

  constructor(
    rpcUrl: string,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
    private readonly timeoutMs = 15_000,
  ) {
    this.base = rpcUrl.replace(/\/+$/, '');
  }

  async header(block: string | number): Promise<BlockHeader> {
    return this.get<BlockHeader>(`/chains/main/blocks/${block}/header`);
  }

  async managerOperations(level: number): Promise<ManagerOperation[]> {
    return this.get<ManagerOperation[]>(`/chains/main/blocks/${level}/operations/3`);
  }

  async inMempool(operationHash: string): Promise<boolean> {
    const pending = await this.get<Record<string, Array<{ hash?: string }>>>('/chains/main/mempool/pending_operations?version=2');
    return ['validated', 'unprocessed', 'branch_delayed'].some((group) => (pending[group] ?? []).some((op) => op.hash === operationHash));
  }

  /**
   * The level of the block holding `operationHash`, searching levels (fromLevel, min(headLevel, untilLevel)].
   * Re-checks a level found earlier, since a block can be replaced until it is final.
   */
  async locate(operationHash: string, fromLevel: number, untilLevel: number, headLevel: number): Promise<OperationLocation | null> {
    let progress = this.progress.get(operationHash) ?? { scannedUpTo: fromLevel };
    if (progress.foundAt !== undefined) {
      if ((await this.hashesAt(progress.foundAt)).includes(operationHash)) return { level: progress.foundAt };
      progress = { scannedUpTo: fromLevel }; // the block was replaced before finality: search again
    }
    const last = Math.min(headLevel, untilLevel);
    while (progress.scannedUpTo < last) {
      const levels = range(progress.scannedUpTo + 1, Math.min(last, progress.scannedUpTo + SCAN_CONCURRENCY));
      const found = await Promise.all(levels.map(async (level) => ((await this.hashesAt(level)).includes(operationHash) ? level : null)));
      const level = found.find((candidate) => candidate !== null);
      if (level != null) {
        this.progress.set(operationHash, { scannedUpTo: level, foundAt: level });
        return { level };
      }
      progress = { scannedUpTo: levels[levels.length - 1] };
      this.progress.set(operationHash, progress);
    }
    return null;
  }

  private hashesAt(level: number): Promise<string[]> {
    return this.get<string[]>(`/chains/main/blocks/${level}/operation_hashes/3`);
  }

  private async get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AnchorUnavailableError(`Tezos node unreachable (${path}): ${(error as Error).message}`, { cause: error });
    }
    if (!response.ok) throw new AnchorUnavailableError(`Tezos node answered HTTP ${response.status} to ${path}.`);
    return (await response.json()) as T;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
