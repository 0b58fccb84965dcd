import { claimLanes } from './claim-lanes.js';
import { DEFAULT_LEASE_MS, type DeliveryDeps, deliverClaimedLane, type LaneRun, successRecorder } from './deliver-batch.js';

export type { DeliveryDeps } from './deliver-batch.js';

/** Messages of one lane leased in one claim: enough to keep a busy lane going between claims. */
export const LANE_DEPTH = 32;

/**
 * Delivers everything due now, lane after lane (`concurrency` lanes at a time; inside a lane, order
 * rules), until nothing due is left: claim, send, record, claim again. What tests and one-off tools run;
 * the jobs run the same pieces continuously (jobs/webhook-pump.ts).
 */
export async function deliverDue(
  deps: DeliveryDeps,
  concurrency = 8,
): Promise<{ lanes: number; delivered: number; endpointsDisabled: number }> {
  const run: LaneRun = { recorder: successRecorder(deps.db), signers: new Map(), disabledEndpoints: new Map() };
  const total = { lanes: 0, delivered: 0, endpointsDisabled: 0 };
  for (;;) {
    const lanes = await claimLanes(deps.db, deps.clock.now(), { lanes: 256, depth: LANE_DEPTH, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS });
    if (lanes.length === 0) break;
    let attempted = 0;
    const queue = [...lanes];
    const worker = async () => {
      for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) {
        const outcome = await deliverClaimedLane(deps, run, lane);
        attempted += outcome.attempted;
        total.delivered += outcome.delivered;
        total.endpointsDisabled += outcome.endpointsDisabled;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, worker));
    // A lane stays held until its successes are recorded: record them before claiming again.
    await run.recorder.drain();
    total.lanes += lanes.length;
    if (attempted === 0) break;
  }
  return total;
}
