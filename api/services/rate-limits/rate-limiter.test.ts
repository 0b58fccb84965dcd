import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { type Database, openDatabase } from '../../db/database.js';
import { clearRateLimit, hitRateLimit, peekRateLimit, secondsUntilReset } from './rate-limiter.js';

let database: TestDatabase;
let db: Database;
let other: Database;
before(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.url);
  // A second pool: another API process would have its own.
  other = openDatabase(database.url);
});
after(async () => {
  await db.close();
  await other.close();
  await database.drop();
});

const rule = { name: 'test', limit: 3, windowSeconds: 60 };
const t0 = new Date('2025-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('rate limiter (PostgreSQL fixed windows)', () => {
  it('allows `limit` hits per window, then reports exceeded until the window resets', async () => {
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit(db, rule, 'alice', at(i)));
    assert.deepEqual(
      states.map((s) => [s.remaining, s.exceeded]),
      [
        [2, false],
        [1, false],
        [0, false],
        [0, true],
      ],
    );
    assert.equal(states[3].resetAt.getTime(), at(60).getTime(), 'the window started at the first hit');
    assert.equal(secondsUntilReset(states[3], at(3)), 57);
    const fresh = await hitRateLimit(db, rule, 'alice', at(60));
    assert.deepEqual([fresh.remaining, fresh.exceeded, fresh.resetAt.getTime()], [2, false, at(120).getTime()]);
    assert.equal((await hitRateLimit(db, rule, 'bob', at(1))).remaining, 2, 'subjects are counted apart');
  });

  it('counts every one of many concurrent hits from two connection pools', async () => {
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hitRateLimit(i % 2 ? db : other, { ...rule, limit: 25 }, 'crowd', t0)),
    );
    assert.equal(hits.filter((h) => !h.exceeded).length, 25);
    assert.deepEqual(hits.map((h) => h.remaining).filter((r) => r === 0).length, 16);
  });

  it('peeks without counting, and clears', async () => {
    const failures = { name: 'failures', limit: 2, windowSeconds: 60 };
    assert.equal((await peekRateLimit(db, failures, 'carol', t0)).exceeded, false);
    await hitRateLimit(db, failures, 'carol', t0);
    assert.equal((await peekRateLimit(db, failures, 'carol', t0)).exceeded, false);
    await hitRateLimit(db, failures, 'carol', t0);
    assert.equal((await peekRateLimit(db, failures, 'carol', t0)).exceeded, true, 'at the limit, the next try is refused');
    assert.equal((await peekRateLimit(db, failures, 'carol', at(61))).exceeded, false, 'a past window is ignored');
    await clearRateLimit(db, failures, 'carol');
    assert.equal((await peekRateLimit(db, failures, 'carol', t0)).remaining, 2);
  });

  it('stores no subject in clear', async () => {
    await hitRateLimit(db, rule, 'estelle@example.fr', t0);
    const [rows] = await db.sequelize.query('SELECT key FROM rate_limit_buckets');
    assert.ok((rows as Array<{ key: string }>).every((r) => /^[0-9a-f]{64}$/.test(r.key)));
  });
});
