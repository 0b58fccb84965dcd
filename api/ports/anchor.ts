import type { AnchorProof } from '@lecoffre/proof';

/**
 * Anchor: puts one 32-byte batch root on a public ledger (Tezos) or, in development, signs it locally.
 *
 * Why prepare / inject / confirm rather than one submit(): crash safety needs the operation's identity
 * BEFORE anything leaves the process. prepare() builds, checks (simulation), signs, and returns the signed
 * bytes with their operation hash, and sends nothing. The caller persists that record, then inject()s the
 * exact same bytes. Whatever happens next, the stored hash is enough to find out where the operation stands:
 *
 *   crash before inject     -> confirm() says not_found -> inject() the same bytes (same hash)
 *   crash after inject      -> confirm() says pending/final -> nothing is sent again
 *   injected twice anyway   -> harmless: identical bytes are one operation, included at most once
 *   bytes can never land    -> confirm() says expired (branch too old) -> prepare() anew
 *
 * A second, different operation for a batch is only ever prepared once the first is provably dead
 * (rejected at injection, expired, or failed on chain), so a batch is never anchored twice. The source
 * account's counter backs this up on chain: two operations with one counter cannot both be included.
 * api/services/anchoring/submit-anchor.ts holds that loop (persist before inject, retry with backoff).
 */
export interface Anchor {
  /** `mainnet`, `ghostnet`, another Tezos network's name, or `local-dev`. */
  readonly network: string;

  /** Builds and signs the operation that anchors `root` (32 bytes). Sends nothing. */
  prepare(root: Uint8Array, options?: PrepareOptions): Promise<PreparedAnchor>;

  /**
   * Sends exactly `prepared.signedBytes`. Repeating it is safe. Throws AnchorRejectedError when the node
   * refuses the bytes for good (those bytes will never land: prepare anew), AnchorUnavailableError when the
   * node could not be reached (the bytes may or may not have left: confirm() before doing anything else).
   */
  inject(prepared: PreparedAnchor): Promise<SubmittedAnchor>;

  /** Where the operation stands on chain, found by its hash. Read-only: safe to call at any time. */
  confirm(prepared: PreparedAnchor): Promise<AnchorStatus>;

  /** A public explorer page for the operation, or null where there is none (local-dev, private networks). */
  explorerUrl(operationHash: string): string | null;
}

export interface PrepareOptions {
  /**
   * 0 for the first attempt at a batch; the Tezos adapter adds a fee margin that grows with it, so that a
   * "fees too low" refusal is not repeated identically.
   */
  attempt?: number;
}

/** What the batching job persists before injecting. Plain JSON. */
export interface PreparedAnchor {
  network: string;
  /** Computed from the signed bytes before injection (Tezos: encodeOpHash). */
  operationHash: string;
  /** The batch root, lower-case hex. */
  root: string;
  /** What inject() sends: Tezos forged operation + signature (hex); local-dev: the Ed25519 signature (hex). */
  signedBytes: string;
  /** ISO 8601 UTC. For local-dev, the timestamp that the signature covers. */
  preparedAt: string;
  /**
   * Tezos: the last level at which these bytes can still be included (branch level + max operations TTL).
   * Past it, an operation not found on chain never will be. Absent for local-dev.
   */
  validUntilLevel?: number;
  /** Tezos: level of the branch block, where a search for the operation starts. */
  branchLevel?: number;
}

export interface SubmittedAnchor {
  network: string;
  operationHash: string;
  /** ISO 8601 UTC. */
  submittedAt: string;
}

/** The anchor's record once final; exactly what certificate.json's `anchor` holds. */
export type FinalisedAnchor = AnchorProof;

export type AnchorStatus =
  | { state: 'final'; anchor: FinalisedAnchor }
  /** In the mempool, or included in a block with fewer than 2 blocks on top. */
  | { state: 'pending'; level?: number; confirmations?: number }
  /** Not on chain nor in the node's mempool, and can still be included: inject (again) or wait. */
  | { state: 'not_found' }
  /** Not on chain and past validUntilLevel: it never will be. Prepare a new operation. */
  | { state: 'expired' }
  /** Included but failed (e.g. out of gas): fees are spent, the root is not anchored. Prepare anew. */
  | { state: 'failed'; level: number; reason: string };

/** The node refused the bytes for good. `retryable`: preparing a new operation may succeed (fee, counter). */
export class AnchorRejectedError extends Error {
  constructor(
    message: string,
    public readonly reason: 'counter' | 'fee' | 'branch' | 'other',
    public readonly retryable: boolean,
    public readonly errorIds: string[] = [],
  ) {
    super(message);
    this.name = 'AnchorRejectedError';
  }
}

/** The node could not be reached or answered a server error: nothing is known about the bytes' fate. */
export class AnchorUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AnchorUnavailableError';
  }
}
