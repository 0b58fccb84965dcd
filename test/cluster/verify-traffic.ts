/**
 * What the clients went through, matched with what HAProxy logged: every failed attempt must be a request
 * that was on a process when it was killed, and every failed operation must contain one.
 */
import type { Fault } from './faults.js';
import type { LoggedRequest } from './haproxy.js';
import type { Attempt, Operation } from './load.js';

/**
 * HAProxy logs times in whole milliseconds (accept date, then durations), each rounded down: a stream cut
 * by the kill may appear to end up to a couple of milliseconds before the signal was sent.
 */
const LOG_ROUNDING_MS = 5;

export interface FaultTally {
  fault: Fault;
  /** Requests HAProxy had on the victim when it died (started before its exit, ended after the signal). */
  inFlight: number;
  /** Of those, the ones the victim's death cut (termination state S…). */
  cut: number;
  /** Client attempts that failed (5xx from the balancer, or an answer cut short) because of this fault. */
  failedAttempts: number;
  /** Operations that still failed after the SDK's retries. */
  failedOperations: number;
}

export interface TrafficFindings {
  problems: string[];
  tallies: FaultTally[];
  failedAttempts: number;
  failedOperations: number;
  /** Failed operations whose retries found their Idempotency-Key still held by the killed process. */
  stuckKeys: number;
}

const failed = (a: Attempt) => a.error !== undefined || (a.status ?? 0) >= 500;

export function verifyTraffic(
  attempts: Map<string, Attempt>,
  operations: Operation[],
  logged: LoggedRequest[],
  faults: Fault[],
): TrafficFindings {
  const problems: string[] = [];
  const byAttempt = new Map(logged.filter((l) => l.attempt).map((l) => [l.attempt as string, l]));
  const inFlightOn = (fault: Fault, l: LoggedRequest) =>
    l.server === fault.victim && l.startedAt <= fault.exitedAt && l.endedAt + LOG_ROUNDING_MS >= fault.signalAt;
  const kills = faults.filter((f) => f.signal === 'SIGKILL');
  const tallies: FaultTally[] = faults.map((fault) => {
    const inFlight = logged.filter((l) => inFlightOn(fault, l));
    return {
      fault,
      inFlight: inFlight.length,
      cut: inFlight.filter((l) => l.termination.startsWith('S')).length,
      failedAttempts: 0,
      failedOperations: 0,
    };
  });

  // Every failed attempt: HAProxy logged it on a process killed while it ran, cut from the server side.
  const explained = new Set<string>();
  let failedAttempts = 0;
  for (const attempt of attempts.values()) {
    if (!failed(attempt)) continue;
    failedAttempts++;
    const line = byAttempt.get(attempt.id);
    const fault = line && kills.find((f) => inFlightOn(f, line) && line.termination.startsWith('S'));
    if (!line || !fault) {
      // Counted against a graceful stop it overlapped, if any, so that the report shows where it happened.
      const stopped = line && tallies.find((t) => t.fault.signal === 'SIGTERM' && inFlightOn(t.fault, line));
      if (stopped) stopped.failedAttempts++;
      const seen = line ? `HAProxy: ${line.server} ${line.status} ${line.termination}` : 'not in the HAProxy log';
      problems.push(
        `${attempt.method} ${attempt.path} (${attempt.id}) failed outside a kill: ${attempt.error ?? attempt.status} (${seen})`,
      );
      continue;
    }
    explained.add(attempt.id);
    const tally = tallies.find((t) => t.fault === fault);
    if (tally) tally.failedAttempts++;
  }
  for (const tally of tallies) {
    if (tally.failedAttempts > tally.inFlight) {
      problems.push(
        `${tally.fault.signal} ${tally.fault.victim}: ${tally.failedAttempts} failed attempts for ${tally.inFlight} requests in flight`,
      );
    }
  }

  // 4xx answers: only the two a fault explains (a retry meeting its own key still held, a repeated anchoring).
  let failedOperations = 0;
  let stuckKeys = 0;
  for (const operation of operations) {
    const own = operation.attempts.map((id) => attempts.get(id)).filter((a): a is Attempt => a !== undefined);
    const cut = own.find((a) => explained.has(a.id));
    for (const a of own) {
      if (a.status === undefined || a.status < 400 || a.status >= 500) continue;
      const afterCut = cut && a.code === 'idempotency_key_in_use' && a.startedAt >= cut.startedAt;
      const repeat = operation.kind === 'anchor' && a.code === 'folder_already_anchored';
      if (!afterCut && !repeat) problems.push(`${operation.name}: unexpected ${a.status} ${a.code ?? ''} on ${a.method} ${a.path}`);
    }
    if (operation.ok) continue;
    failedOperations++;
    if (!cut) {
      problems.push(`${operation.name} failed without being cut by a kill: ${operation.error}`);
      continue;
    }
    if (own.at(-1)?.code === 'idempotency_key_in_use') stuckKeys++;
    const line = byAttempt.get(cut.id);
    const tally = tallies.find((t) => line && t.fault.signal === 'SIGKILL' && inFlightOn(t.fault, line));
    if (tally) tally.failedOperations++;
  }
  return { problems, tallies, failedAttempts, failedOperations, stuckKeys };
}

/** The p-th percentile (nearest rank) of `values`, in the same unit. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
