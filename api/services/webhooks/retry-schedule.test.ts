import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ATTEMPTS, nextAttemptAt, parseRetryAfter } from './retry-schedule.js';

const now = new Date('2024-06-01T10:00:00Z');
const seconds = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 1000 : null);

describe('webhook retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up after the 8th attempt', () => {
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => seconds(nextAttemptAt(i + 1, now, undefined, () => 0.5)));
    assert.deepEqual(waits, [5, 300, 1800, 7200, 18000, 36000, 36000, null]);
  });

  it('spreads retries by at most 10 % either way', () => {
    assert.equal(seconds(nextAttemptAt(2, now, undefined, () => 0)), 270);
    assert.equal(seconds(nextAttemptAt(2, now, undefined, () => 0.999999)), 330);
  });

  it('honours a Retry-After longer than the schedule, in seconds or as a date, up to a day', () => {
    assert.equal(seconds(nextAttemptAt(1, now, parseRetryAfter('120', now), () => 0.5)), 120);
    assert.equal(seconds(nextAttemptAt(1, now, parseRetryAfter('Sat, 01 Jun 2024 11:00:00 GMT', now), () => 0.5)), 3600);
    assert.equal(seconds(nextAttemptAt(3, now, parseRetryAfter('1', now), () => 0.5)), 1800, 'a shorter one does not hurry us');
    assert.equal(seconds(nextAttemptAt(1, now, parseRetryAfter('9999999', now), () => 0.5)), 86400);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });
});
