/**
 * The time, as the identity services see it: injectable so that tests can expire a code, a session or a
 * rate-limit window without waiting. (A candidate for api/ports/ once other services need one.)
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
