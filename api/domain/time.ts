/** A date `seconds` later (earlier when negative): expiries of codes, sessions and widget tokens. */
export const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
