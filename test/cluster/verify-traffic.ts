/**
 * What the clients went through, matched with what HAProxy logged: every failed attempt must be a request
 * that was on a process when it was killed, and every failed operation must contain one.
 */
import type { Fault } from './faults.js';
import type { LoggedRequest } from './haproxy.js';
import type { Attempt, Operation } from './load.js';

/**
 * When a request ran is taken from the load generator's own clock (`Date.now()` when it was sent and when
 * its answer or error arrived), not from HAProxy's log: HAProxy derives durations from a clock it keeps
 * monotonic by capping how far it may jump per poll loop, so on a starved machine its durations come out
 * short (streams a kill cut appeared to end before the signal). The log says where a request went and
 * how it ended; the client's clock says when.
 */
export interface FaultTally {
  fault: Fault;
  /** Requests HAProxy routed to the victim that were under way when it went (sent before its exit, answered after the signal). */
  inFlight: number;
  /** Of those, the ones the victim's death cut (termination state S…). */
  cut: number;
  /** Client attempts that failed because of this fault: cut on the victim. */
  failedAttempts: number;
  /** Attempts that never reached HAProxy, sent on a connection whose previous request the fault cut. */
  failedOnCutConnection: number;
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
  /** One line per failed attempt: what it was, where it went, when relative to the nearest fault. */
  classified: string[];
}

const failed = (a: Attempt) => a.error !== undefined || (a.status ?? 0) >= 500;

export function verifyTraffic(
  attempts: Map<string, Attempt>,
  operations: Operation[],
  logged: LoggedRequest[],
  faults: Fault[],
): TrafficFindings {
  const problems: string[] = [];
  const classified: string[] = [];
  const byAttempt = new Map(logged.filter((l) => l.attempt).map((l) => [l.attempt as string, l]));
  const underWay = (fault: Fault, a: Attempt) => a.startedAt <= fault.exitedAt && a.endedAt >= fault.signalAt;
  const onVictim = (fault: Fault, a: Attempt) => byAttempt.get(a.id)?.server === fault.victim && underWay(fault, a);
  const all = [...attempts.values()];
  const tallies: FaultTally[] = faults.map((fault) => {
    const inFlight = all.filter((a) => onVictim(fault, a));
    return {
      fault,
      inFlight: inFlight.length,
      cut: inFlight.filter((a) => byAttempt.get(a.id)?.termination.startsWith('S')).length,
      failedAttempts: 0,
      failedOnCutConnection: 0,
      failedOperations: 0,
    };
  });
  const tallyOf = (fault: Fault) => tallies.find((t) => t.fault === fault) as FaultTally;
  /** The SIGKILL that cut `a` on its process, if one did. */
  const killOf = (a: Attempt) => {
    const line = byAttempt.get(a.id);
    if (!line || !(line.termination.startsWith('S') || a.error !== undefined)) return undefined;
    return faults.find((f) => f.signal === 'SIGKILL' && onVictim(f, a));
  };
  // Each client connection's requests in the order they were sent, to find what came before a lost one.
  const byConnection = new Map<number, Attempt[]>();
  for (const a of [...all].sort((x, y) => x.startedAt - y.startedAt)) {
    if (a.clientPort === undefined) continue;
    byConnection.set(a.clientPort, [...(byConnection.get(a.clientPort) ?? []), a]);
  }
  const nearest = (a: Attempt) =>
    faults.reduce<Fault | undefined>(
      (best, f) => (!best || Math.abs(a.startedAt - f.signalAt) < Math.abs(a.startedAt - best.signalAt) ? f : best),
      undefined,
    );
  const when = (a: Attempt) => {
    const f = nearest(a);
    if (!f) return 'no fault';
    const rel = (t: number) => `${t - f.signalAt >= 0 ? '+' : ''}${t - f.signalAt} ms`;
    return `sent ${rel(a.startedAt)}, failed ${rel(a.endedAt)} from ${f.signal} ${f.victim}`;
  };

  const explained = new Set<string>();
  let failedAttempts = 0;
  for (const attempt of all) {
    if (!failed(attempt)) continue;
    failedAttempts++;
    const line = byAttempt.get(attempt.id);
    const what = `${attempt.method} ${attempt.path} (${attempt.id}): ${attempt.error ?? attempt.status}`;
    const seen = line ? `HAProxy: ${line.server} ${line.status} ${line.termination}` : 'not in the HAProxy log';
    const kill = killOf(attempt);
    if (kill) {
      explained.add(attempt.id);
      tallyOf(kill).failedAttempts++;
      classified.push(`cut by the kill      ${what} (${seen}; ${when(attempt)})`);
      continue;
    }
    if (!line && attempt.error !== undefined && attempt.clientPort !== undefined) {
      // Never reached HAProxy: written on a kept-alive connection that HAProxy closed at that moment.
      const sameConnection = byConnection.get(attempt.clientPort) ?? [];
      const previous = sameConnection[sameConnection.indexOf(attempt) - 1];
      const previousKill = previous && killOf(previous);
      if (previousKill) {
        explained.add(attempt.id);
        tallyOf(previousKill).failedOnCutConnection++;
        classified.push(
          `on a cut connection  ${what} (${seen}; its connection's previous request ${previous.id} was cut; ${when(attempt)})`,
        );
        continue;
      }
      const before = previous
        ? `previous on its connection: ${previous.id} ${previous.error ?? previous.status}`
        : 'first on its connection';
      classified.push(`UNEXPLAINED          ${what} (${seen}; ${before}; ${when(attempt)})`);
      problems.push(`${what} failed outside a kill (${seen}; ${before}; ${when(attempt)})`);
      continue;
    }
    const stopped = line && faults.find((f) => f.signal === 'SIGTERM' && onVictim(f, attempt));
    if (stopped) tallyOf(stopped).failedAttempts++;
    classified.push(`UNEXPLAINED          ${what} (${seen}; ${when(attempt)})`);
    problems.push(`${what} failed outside a kill (${seen}; ${when(attempt)})`);
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
    const kill = killOf(cut) ?? faults.find((f) => f.signal === 'SIGKILL' && underWay(f, cut));
    if (kill) tallyOf(kill).failedOperations++;
  }
  return { problems, tallies, failedAttempts, failedOperations, stuckKeys, classified };
}

/** The p-th percentile (nearest rank) of `values`, in the same unit. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
