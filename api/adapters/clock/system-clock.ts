import type { Clock } from '../../ports/clock.js';

/** The machine's clock: what every process runs on; tests pass a manual clock instead. */
export const systemClock: Clock = { now: () => new Date() };
