import { setTimeout as delay } from 'node:timers/promises';
import { type Anchor, AnchorRejectedError, type AnchorStatus, type FinalisedAnchor, type PreparedAnchor } from '../../ports/anchor.js';

/**
 * The crash-safe way to anchor a batch root through any Anchor (see api/ports/anchor.ts for why):
 * prepare -> persist -> inject, and on restart resume from what was persisted. The batching job supplies
 * `persist`, which must be durable (committed) before it returns: it is the only thing that lets a restarted
 * worker find the operation again.
 */
export interface SubmitOptions {
  /** Stores the prepared operation (hash + signed bytes) for the batch; must be committed before it returns. */
  persist(prepared: PreparedAnchor): Promise<void>;
  /** Attempts when the node refuses an operation for a fee or counter reason (each is a new operation). */
  maxAttempts?: number;
  /** First back-off; doubles on every retry. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Submission {
  /** The operation that was injected: the one to confirm. */
  prepared: PreparedAnchor;
}

/** Prepares, persists and injects an operation anchoring `root`; re-prepares on retryable refusals. */
export async function submitAnchor(anchor: Anchor, root: Uint8Array, options: SubmitOptions): Promise<Submission> {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  for (let attempt = 0; ; attempt++) {
    const prepared = await anchor.prepare(root, { attempt });
    await options.persist(prepared);
    try {
      await anchor.inject(prepared);
      return { prepared };
    } catch (error) {
      // Only a refusal proves these bytes will never land, which is what makes a new operation safe.
      // AnchorUnavailableError (bytes' fate unknown) propagates: the job resumes later from what it persisted.
      if (!(error instanceof AnchorRejectedError) || !error.retryable || attempt + 1 >= maxAttempts) throw error;
      await sleep((options.backoffMs ?? 1000) * 2 ** attempt);
    }
  }
}

/**
 * After a restart: brings a persisted operation to a known state without ever sending a second operation
 * while the first could still land. Returns the operation to keep confirming (the same one unless it was dead)
 * and its status.
 */
export async function resumeAnchor(
  anchor: Anchor,
  prepared: PreparedAnchor,
  options: SubmitOptions,
): Promise<{ prepared: PreparedAnchor; status: AnchorStatus }> {
  const status = await anchor.confirm(prepared);
  switch (status.state) {
    case 'final':
    case 'pending':
      return { prepared, status };
    case 'not_found':
      try {
        await anchor.inject(prepared); // the same bytes: at most one inclusion, whatever happened before the crash
        return { prepared, status: await anchor.confirm(prepared) };
      } catch (error) {
        if (!(error instanceof AnchorRejectedError)) throw error;
        // Refused now (e.g. its counter was used): look once more before deciding it is dead.
        const again = await anchor.confirm(prepared);
        if (again.state !== 'not_found' && again.state !== 'expired') return { prepared, status: again };
        return restart(anchor, prepared, options);
      }
    case 'expired':
    case 'failed':
      return restart(anchor, prepared, options);
  }
}

async function restart(anchor: Anchor, dead: PreparedAnchor, options: SubmitOptions) {
  const { prepared } = await submitAnchor(anchor, Buffer.from(dead.root, 'hex'), options);
  return { prepared, status: await anchor.confirm(prepared) };
}

export interface WaitOptions {
  pollMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/** Polls confirm() until the operation is final; throws on failed/expired/timeout with the last status. */
export async function waitUntilFinal(anchor: Anchor, prepared: PreparedAnchor, options: WaitOptions = {}): Promise<FinalisedAnchor> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms, undefined, { signal: options.signal }));
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  for (;;) {
    const status = await anchor.confirm(prepared);
    if (status.state === 'final') return status.anchor;
    if (status.state === 'failed' || status.state === 'expired' || Date.now() >= deadline) {
      throw new AnchorNotFinalError(prepared.operationHash, status);
    }
    await sleep(options.pollMs ?? 3000);
  }
}

export class AnchorNotFinalError extends Error {
  constructor(
    public readonly operationHash: string,
    public readonly status: AnchorStatus,
  ) {
    super(`Anchor operation ${operationHash} is not final: ${status.state}${status.state === 'failed' ? ` (${status.reason})` : ''}.`);
    this.name = 'AnchorNotFinalError';
  }
}
