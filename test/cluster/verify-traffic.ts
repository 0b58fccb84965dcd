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
  /**
   * Requests HAProxy routed to the victim that were under way when it went: answered after the signal, sent
   * before HAProxy saw it DOWN (a SIGKILL) or before it exited (a SIGTERM).
   */
  inFlight: number;
  /** Of those, the ones the victim's death cut (termination state S…). */
  cut: number;
  /** Client attempts that failed because of this fault: cut on the victim. */
  failedAttempts: number;
  /**
   * Of `failedAttempts`, those HAProxy wrote no line for: sent before DOWN, their connection closed once
   * the victim died and before HAProxy marked it DOWN. HAProxy 2.6 counts them in the victim's sessions
   * (`scur`, `stot`) but logs nothing, so they are bounded by those counts, not by the logged ones.
   */
  unlogged: number;
  /**
   * Retries (by the SDK, same Idempotency-Key) of a request the fault cut, refused 409
   * `idempotency_key_in_use` while the killed process's lease on the key ran, and cut all the same (no
   * complete answer): the API reads a refused upload's body before answering, so none is expected.
   */
  refusedRetries: number;
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
  /**
   * Under way on the victim when it went: answered after the signal, and sent while HAProxy still routed
   * to it. After a SIGKILL that lasts until HAProxy's checks see it DOWN (requests sent on in between are
   * the kill's too: HAProxy could not know); a SIGTERM stops taking connections before the process exits.
   */
  const gone = (fault: Fault) => (fault.signal === 'SIGKILL' ? fault.downAt : fault.exitedAt);
  const underWay = (fault: Fault, a: Attempt) => a.startedAt <= gone(fault) && a.endedAt >= fault.signalAt;
  const onVictim = (fault: Fault, a: Attempt) => byAttempt.get(a.id)?.server === fault.victim && underWay(fault, a);
  const all = [...attempts.values()];
  const tallies: FaultTally[] = faults.map((fault) => {
    const inFlight = all.filter((a) => onVictim(fault, a));
    return {
      fault,
      inFlight: inFlight.length,
      cut: inFlight.filter((a) => byAttempt.get(a.id)?.termination.startsWith('S')).length,
      failedAttempts: 0,
      unlogged: 0,
      refusedRetries: 0,
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
  /** The SIGKILL a connection error with no HAProxy line belongs to: sent before DOWN, failed by then. */
  const unloggedKillOf = (a: Attempt) =>
    a.error === undefined || byAttempt.has(a.id)
      ? undefined
      : faults.find((f) => f.signal === 'SIGKILL' && a.startedAt <= f.downAt && a.endedAt >= f.signalAt && a.endedAt <= f.downAt + 1_000);
  /**
   * An attempt HAProxy sent again (`retries` in its log line) while a killed process was still in the
   * pool: its first try may have reached the victim, which may have claimed its Idempotency-Key.
   */
  const resentAfterKill = (a: Attempt) => {
    const line = byAttempt.get(a.id);
    if (!line || line.retries === '0') return undefined;
    return faults.find((f) => f.signal === 'SIGKILL' && underWay(f, a));
  };
  // Each client connection's requests in the order they were sent, to find what came before a lost one.
  const byConnection = new Map<number, Attempt[]>();
  for (const a of [...all].sort((x, y) => x.startedAt - y.startedAt)) {
    if (a.clientPort === undefined) continue;
    byConnection.set(a.clientPort, [...(byConnection.get(a.clientPort) ?? []), a]);
  }
  const operationOf = new Map(operations.map((o) => [o.id, o]));
  /** The kill that cut an earlier attempt of the same operation (the SDK retries with the same key). */
  const earlierCut = (a: Attempt) => {
    for (const id of operationOf.get(a.operation)?.attempts ?? []) {
      if (id === a.id) return undefined;
      const before = attempts.get(id);
      const kill = before && (killOf(before) ?? unloggedKillOf(before));
      if (kill) return kill;
    }
    return undefined;
  };
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
    const unlogged = unloggedKillOf(attempt);
    if (unlogged) {
      explained.add(attempt.id);
      tallyOf(unlogged).failedAttempts++;
      tallyOf(unlogged).unlogged++;
      classified.push(`cut by the kill      ${what} (${seen}: closed by HAProxy between the kill and DOWN; ${when(attempt)})`);
      continue;
    }
    const retried = earlierCut(attempt);
    const refused = retried && attempt.error !== undefined && (!line || line.status === 409);
    if (refused) {
      // The 409 is expected; losing it on the way is not (the API reads a refused upload's body first).
      tallyOf(retried).refusedRetries++;
      classified.push(
        `UNEXPLAINED 409 cut  ${what} (${seen}; an earlier attempt was cut by ${retried.signal} ${retried.victim}; ${when(attempt)})`,
      );
      problems.push(`${what}: a retry's 409 idempotency_key_in_use did not reach the client (${seen}; ${when(attempt)})`);
      continue;
    }
    if (!line && attempt.error !== undefined && attempt.clientPort !== undefined) {
      // Never reached HAProxy: written on a kept-alive connection that HAProxy closed at that moment.
      const sameConnection = byConnection.get(attempt.clientPort) ?? [];
      const previous = sameConnection[sameConnection.indexOf(attempt) - 1];
      const previousKill = previous && killOf(previous);
      if (previousKill) {
        explained.add(attempt.id);
        tallyOf(previousKill).failedAttempts++;
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
    // HAProxy's own count of what went to the victim: on it at the signal, and sent to it until DOWN.
    const bound = Math.max(tally.inFlight, tally.fault.currentBeforeSignal + tally.fault.sentUntilDown);
    if (tally.failedAttempts > bound) {
      problems.push(`${tally.fault.signal} ${tally.fault.victim}: ${tally.failedAttempts} failed attempts for ${bound} requests in flight`);
    }
  }

  // 4xx answers: only those a fault explains (a retry meeting its own key held or answered, a repeated anchoring).
  let failedOperations = 0;
  let stuckKeys = 0;
  for (const operation of operations) {
    const own = operation.attempts.map((id) => attempts.get(id)).filter((a): a is Attempt => a !== undefined);
    const cut = own.find((a) => explained.has(a.id) || resentAfterKill(a));
    for (const a of own) {
      if (a.status === undefined || a.status < 400 || a.status >= 500) continue;
      // A retry of a cut request: its key still held by the dead process, or its write committed there and
      // its answer lost with it (never run twice).
      const retryCode = a.code === 'idempotency_key_in_use' || a.code === 'idempotency_key_answer_lost';
      const afterCut = cut && retryCode && a.startedAt >= cut.startedAt;
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
    const kill = killOf(cut) ?? resentAfterKill(cut) ?? faults.find((f) => f.signal === 'SIGKILL' && underWay(f, cut));
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
