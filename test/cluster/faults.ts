/**
 * The faults of the scenario: one API process killed (SIGKILL) or stopped (SIGTERM) at a time, restarted at
 * once, and HAProxy's view of it (DOWN, then UP through /readyz). Each fault waits for every backend to be
 * UP first, so that a slow restart delays the next fault instead of stacking two.
 */
import type { ApiFleet } from './api-fleet.js';
import type { Haproxy } from './haproxy.js';

export interface FaultPlan {
  /** Milliseconds after the load started. */
  at: number;
  victim: string;
  signal: 'SIGKILL' | 'SIGTERM';
}

export interface Fault extends FaultPlan {
  signalAt: number;
  /** When the process was seen gone (its 'exit' event). */
  exitedAt: number;
  exitCode: number | null;
  /** Requests HAProxy counted as current on the victim just before the signal (`show stat` scur). */
  currentBeforeSignal: number;
  /**
   * Sessions HAProxy sent to the victim between the signal and DOWN (`show stat` stot, read before the
   * signal and once DOWN was seen): requests sent on after the kill, before the health checks caught it.
   */
  sentUntilDown: number;
  /** When HAProxy logged the victim DOWN, and UP again after its restart. */
  downAt: number;
  upAt: number;
  /** How long the restarted process took to print its ready banner. */
  restartMs: number;
}

/** Resolves once `show stat` lists every backend UP (checks passing). */
export async function allUp(haproxy: Haproxy, names: string[]): Promise<void> {
  for (;;) {
    const stats = await haproxy.serverStats();
    if (names.every((name) => stats.get(name)?.status === 'UP')) return;
    // Health checks run every 300 ms: a state change shows up in the log, which is what we wait on.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        haproxy.off('health', done);
        resolve();
      };
      // A transition may already have been logged between the read above and now: look again soon.
      const timer = setTimeout(done, 500);
      haproxy.on('health', done);
    });
  }
}

export async function runFaults(options: {
  plan: FaultPlan[];
  fleet: ApiFleet;
  haproxy: Haproxy;
  loadStartedAt: number;
  log: (line: string) => void;
}): Promise<Fault[]> {
  const { plan, fleet, haproxy, loadStartedAt, log } = options;
  const names = fleet.backends.map((b) => b.name);
  const done: Fault[] = [];
  for (const step of plan) {
    // The cadence is the scenario itself (a process lost every 30 s), not a wait for something to happen.
    const wait = loadStartedAt + step.at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await allUp(haproxy, names);
    const since = haproxy.transitions.length;
    const before = (await haproxy.serverStats()).get(step.victim);
    const currentBeforeSignal = before?.current ?? 0;
    const signalAt = Date.now();
    const down = haproxy.waitForState(step.victim, 'DOWN', since);
    const { exitedAt, code } = await fleet.stop(step.victim, step.signal);
    log(`${step.signal} ${step.victim} at +${Math.round((signalAt - loadStartedAt) / 1000)} s (${currentBeforeSignal} requests on it)`);
    const downAt = (await down).at;
    const sentUntilDown = Math.max(0, ((await haproxy.serverStats()).get(step.victim)?.total ?? 0) - (before?.total ?? 0));
    const afterDown = haproxy.transitions.length;
    const up = haproxy.waitForState(step.victim, 'UP', afterDown);
    const restartStarted = Date.now();
    const restarted = await fleet.start(step.victim);
    const restartMs = Date.now() - restartStarted;
    const upAt = (await up).at;
    log(
      `${step.victim} DOWN after ${downAt - signalAt} ms, back UP after ${upAt - signalAt} ms ` +
        `(restart ${restartMs} ms, of which start-up ${restarted.readyInMs} ms after loading)`,
    );
    done.push({ ...step, signalAt, exitedAt, exitCode: code, currentBeforeSignal, sentUntilDown, downAt, upAt, restartMs });
  }
  return done;
}
