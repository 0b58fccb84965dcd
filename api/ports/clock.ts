/**
 * The time, as the services see it: injectable so that tests can expire a code, a session, a rate-limit
 * window or a webhook retry without waiting. The system clock is chosen in api/composition.ts.
 */
export interface Clock {
  now(): Date;
}
