import type { Database } from '../../db/database.js';
import type { Clock } from '../../ports/clock.js';
import type { Metrics } from '../../ports/metrics.js';
import type { SecretSealer } from '../../ports/secret-sealer.js';
import type { WebhookResponse, WebhookTransport } from '../../ports/webhook-transport.js';
import type { ClaimedLane, ClaimedMessage } from './claim-lanes.js';
import { releaseLeases } from './claim-lanes.js';
import { webhookBody } from './outbox-event.js';
import { recordAttempt } from './record-attempt.js';
import { recordSuccesses, type SuccessFacts } from './record-successes.js';
import { type Signer, signerFor } from './secrets.js';

export const USER_AGENT = 'LeCoffre-Webhooks/1.0 (+https://lecoffre.io/docs/webhooks)';

export interface DeliveryDeps {
  db: Database;
  clock: Clock;
  transport: WebhookTransport;
  sealer: SecretSealer;
  /** Jitter source, [0, 1). Tests pin it. */
  random?: () => number;
  /** How long a claimed lane stays reserved to its deliverer. */
  leaseMs?: number;
  /**
   * The longest one attempt may take, recording included: the transport's timeout and a margin. A message
   * is sent only while this much of the lease is left, so no attempt outlives its lease.
   */
  attemptBudgetMs?: number;
  /** Where delivery lag and failed attempts are reported (default: nowhere). */
  metrics?: Metrics;
}

/** A failed attempt's reason as a metric label: the status class, or what the transport ran into. */
function failureReason(response: WebhookResponse): string {
  return response.kind === 'response' ? `http_${Math.floor(response.status / 100)}xx` : response.error;
}

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_ATTEMPT_BUDGET_MS = 20_000;

/**
 * Records 2xx answers in groups: while one group's statement runs, the next accumulates (a group commit,
 * no timer). A group that fails is recorded message by message; what still fails stays leased and is sent
 * again when the lease runs out (at least once).
 */
export interface SuccessRecorder {
  add(success: SuccessFacts): void;
  /** Resolves once everything added so far is recorded (or given up on). */
  drain(): Promise<void>;
}

const MAX_GROUP = 500;

export function successRecorder(
  db: Database,
  hooks: { onRecorded?: () => void; onError?: (error: unknown) => void } = {},
): SuccessRecorder {
  let waiting: SuccessFacts[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(group.length);
      try {
        await recordSuccesses(db, group);
      } catch (error) {
        hooks.onError?.(error);
        for (const one of group) await recordSuccesses(db, [one]).catch((e: unknown) => hooks.onError?.(e));
      }
      hooks.onRecorded?.();
    }
  };
  const start = (): void => {
    if (flushing || waiting.length === 0) return;
    // Started again on the way out: a success added while the last group committed is not left behind.
    flushing = flush().finally(() => {
      flushing = undefined;
      start();
    });
  };
  return {
    add(success) {
      waiting.push(success);
      start();
    },
    async drain() {
      while (flushing) await flushing;
    },
  };
}

/** Opened secrets, per endpoint and secret generation: a burst to one endpoint opens them once. */
export type SignerCache = Map<string, Signer>;

function signerOf(deps: DeliveryDeps, cache: SignerCache, m: ClaimedMessage, now: Date): Signer {
  const previousValid = !!(m.previousSecretSealed && m.previousSecretKeyId && m.previousSecretExpiresAt && m.previousSecretExpiresAt > now);
  const key = `${m.endpointId}|${m.secretSealed}|${previousValid ? m.previousSecretSealed : ''}`;
  let signer = cache.get(key);
  if (!signer) {
    const keys = [deps.sealer.open(m.secretSealed, m.secretKeyId)];
    if (previousValid && m.previousSecretSealed && m.previousSecretKeyId)
      keys.push(deps.sealer.open(m.previousSecretSealed, m.previousSecretKeyId));
    signer = signerFor(keys);
    // Rotations add keys; a long-running process must not keep every generation.
    if (cache.size > 10_000) cache.clear();
    cache.set(key, signer);
  }
  return signer;
}

export interface LaneRun {
  recorder: SuccessRecorder;
  signers: SignerCache;
  /**
   * Endpoints this deliverer turned off, and when: lanes of theirs claimed before that stop at once (a
   * lane claimed later found the endpoint on again).
   */
  disabledEndpoints: Map<string, Date>;
  /** True once the deliverer is stopping: the lane gives back what it has not sent. */
  stopping?: () => boolean;
}

export interface LaneRunResult {
  attempted: number;
  delivered: number;
  endpointsDisabled: number;
}

/**
 * Sends a claimed lane's messages one by one, in event order. A success is queued for recording and the
 * next message goes at once (the lane stays held: its head is leased until recorded). A failure is
 * recorded before anything else happens: if the message will be retried, the rest of the lane is given
 * back and waits behind it; if it failed for good, the next one goes.
 */
export async function deliverClaimedLane(deps: DeliveryDeps, run: LaneRun, lane: ClaimedLane): Promise<LaneRunResult> {
  const result: LaneRunResult = { attempted: 0, delivered: 0, endpointsDisabled: 0 };
  const budget = deps.attemptBudgetMs ?? DEFAULT_ATTEMPT_BUDGET_MS;
  let next = 0;
  try {
    for (; next < lane.messages.length; next++) {
      const message = lane.messages[next];
      const now = deps.clock.now();
      const disabledAt = run.disabledEndpoints.get(lane.endpointId);
      if (run.stopping?.() || (disabledAt && disabledAt >= lane.claimedAt)) break;
      if (now.getTime() + budget > lane.leaseUntil.getTime()) break;

      const body = webhookBody({
        type: message.eventType,
        payload: message.payload,
        occurredAt: message.occurredAt,
        officeId: message.officeId,
        app: message.app,
      });
      const response = await deps.transport.post({
        url: message.url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'webhook-id': message.eventId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signerOf(deps, run.signers, message, now)(message.eventId, now, body),
        },
      });
      result.attempted++;
      if (response.kind === 'response' && response.status >= 200 && response.status < 300) {
        run.recorder.add({
          messageId: message.id,
          attemptedAt: now,
          status: response.status,
          body: response.body,
          durationMs: response.durationMs,
        });
        // From the commit of the change (occurred_at is its transaction's time) to the receiver's 2xx.
        deps.metrics?.webhookDelivered((deps.clock.now().getTime() - message.occurredAt.getTime()) / 1000);
        result.delivered++;
        continue;
      }
      deps.metrics?.webhookFailed(failureReason(response));
      const recorded = await recordAttempt(deps, { messageId: message.id, endpointId: message.endpointId, attemptedAt: now, response });
      if (recorded.endpointDisabled) {
        result.endpointsDisabled++;
        run.disabledEndpoints.set(lane.endpointId, now);
      }
      if (recorded.nextAttemptAt || recorded.endpointDisabled) {
        next++;
        break;
      }
      // Failed for good: the lane goes on with the next message.
    }
  } finally {
    const unsent = lane.messages.slice(next).map((m) => m.id);
    await releaseLeases(deps.db, unsent, lane.leaseUntil);
  }
  return result;
}
