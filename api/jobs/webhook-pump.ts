import type { Logger } from 'pino';
import { claimLanes, nextClaimAt } from '../services/webhooks/claim-lanes.js';
import { LANE_DEPTH } from '../services/webhooks/deliver.js';
import {
  DEFAULT_LEASE_MS,
  type DeliveryDeps,
  deliverClaimedLane,
  type LaneRun,
  successRecorder,
} from '../services/webhooks/deliver-batch.js';

export interface WebhookPumpOptions {
  /** Lanes delivered at once by this process (each holds at most one request in flight). */
  concurrency?: number;
  logger?: Pick<Logger, 'error' | 'warn'>;
  /** An attempt turned an endpoint off: its notaries are to be e-mailed. */
  onEndpointsDisabled?: () => void;
}

export interface WebhookPump {
  /** Something may be due (new messages, a resend, an endpoint turned back on): claim now. */
  kick(): void;
  /** Stops claiming; lanes in flight finish the message they are sending and give back the rest. */
  stop(): Promise<void>;
}

const DEFAULT_CONCURRENCY = 64;
/** Even with nothing known to be due, look again this often (a lane of another process that died). */
const MAX_IDLE_MS = 60_000;
/** A wake-up computed as "now" that finds nothing claimable is not retried in a tight loop. */
const MIN_TIMER_MS = 5;

/**
 * Webhook delivery for this process: claims due lanes in groups (claim-lanes.ts), delivers up to
 * `concurrency` of them at once, each strictly in order, and records successes in groups. It runs when
 * kicked (the outbox was dispatched, the API NOTIFYed a resend) and otherwise sleeps until the next lane
 * falls due (a retry, or a lease left by a dead process running out), never on a fixed poll. Any number of
 * processes may run one on the same database: a lane belongs to whoever leased its head.
 */
export function startWebhookPump(deps: DeliveryDeps, options: WebhookPumpOptions = {}): WebhookPump {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const log = options.logger;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  let stopped = false;
  let cycle: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const running = new Set<Promise<void>>();

  const kick = (): void => {
    if (stopped) return;
    if (cycle) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = undefined;
    cycle = claimCycle()
      .catch((error: unknown) => {
        log?.error({ err: error }, 'webhooks: claiming lanes failed');
        // The database may be down: try again later rather than spin.
        if (!stopped) timer = setTimeout(kick, 1000).unref();
      })
      .finally(() => {
        cycle = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  const run: LaneRun = {
    // Recorded successes free their lanes' next messages: look for them.
    recorder: successRecorder(deps.db, {
      onRecorded: kick,
      onError: (error) => log?.error({ err: error }, 'webhooks: recording deliveries failed'),
    }),
    signers: new Map(),
    disabledEndpoints: new Map(),
    stopping: () => stopped,
  };

  const start = (lane: Parameters<typeof deliverClaimedLane>[2]): void => {
    const delivery: Promise<void> = deliverClaimedLane(deps, run, lane)
      .then((result) => {
        if (result.endpointsDisabled > 0) options.onEndpointsDisabled?.();
      })
      .catch((error: unknown) => log?.error({ err: error, lane: lane.lane }, 'webhooks: lane delivery failed (its lease will lapse)'))
      .finally(() => {
        running.delete(delivery);
        kick();
      });
    running.add(delivery);
  };

  async function claimCycle(): Promise<void> {
    for (;;) {
      again = false;
      const room = concurrency - running.size;
      // Full: a lane finishing kicks again.
      if (room <= 0 || stopped) return;
      const lanes = await claimLanes(deps.db, deps.clock.now(), { lanes: room, depth: LANE_DEPTH, leaseMs });
      for (const lane of lanes) start(lane);
      if (lanes.length < room) break;
    }
    // Nothing more is due now. Lanes in flight kick when they end; idle, sleep until the next due time.
    if (running.size > 0 || stopped) return;
    const at = await nextClaimAt(deps.db);
    const wait = at ? at.getTime() - deps.clock.now().getTime() : MAX_IDLE_MS;
    if (!stopped && !again) timer = setTimeout(kick, Math.min(MAX_IDLE_MS, Math.max(MIN_TIMER_MS, wait))).unref();
  }

  kick();
  return {
    kick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await cycle;
      await Promise.all([...running]);
      await run.recorder.drain();
    },
  };
}
