/**
 * How long a test may wait for something on this machine, right now. The suite runs on small shared
 * machines (2 cores, other runs beside it): a wait that is ample on an idle laptop is not under load.
 * Every wall-clock limit in the tests goes through `patience(ms)`: `ms` as measured on an idle machine,
 * multiplied by how overloaded the machine is (the 1-minute load average per core, at least 1), and by
 * LECOFFRE_TEST_PATIENCE when set (a CI runner known to be slow). Limits only ever end a wait that has
 * gone wrong: tests wait for events, never assert how fast something went.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_FACTOR = 8;

export function patienceFactor(): number {
  const load = loadavg()[0] / Math.max(1, availableParallelism());
  const extra = Number(process.env.LECOFFRE_TEST_PATIENCE ?? '1');
  return Math.min(MAX_FACTOR, Math.max(1, load)) * (Number.isFinite(extra) && extra > 0 ? extra : 1);
}

/** `ms` (what the wait takes at most on an idle machine) scaled to the machine's load now. */
export function patience(ms: number): number {
  return Math.ceil(ms * patienceFactor());
}

/**
 * Resolves with the first truthy value `probe` gives, asking again after each `intervalMs`; rejects
 * naming `what` once `patience(limitMs)` has passed. For state with no event to wait on (a row written
 * by a background task, a process's port file).
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { limitMs = 10_000, intervalMs = 20 }: { limitMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + patience(limitMs);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${patience(limitMs)} ms`);
    await sleep(intervalMs);
  }
}

/**
 * The product's own limits on waiting for PostgreSQL (3 s to connect, 5 s for a pooled connection, the
 * defaults of api/config/database.ts), scaled like every other limit here: on a loaded machine those waits
 * are the machine's, not a fault of the code under test.
 */
export function patientConnection(): { connectTimeoutMs: number; acquireTimeoutMs: number } {
  return { connectTimeoutMs: patience(3_000), acquireTimeoutMs: patience(5_000) };
}

/** `patientConnection()` as the environment of a product started as a child process. */
export function patientDatabaseEnv(): { LECOFFRE_DB_CONNECT_TIMEOUT_MS: string; LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: string } {
  const { connectTimeoutMs, acquireTimeoutMs } = patientConnection();
  return { LECOFFRE_DB_CONNECT_TIMEOUT_MS: String(connectTimeoutMs), LECOFFRE_DB_ACQUIRE_TIMEOUT_MS: String(acquireTimeoutMs) };
}
