import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import supertest from 'supertest';
import { eventually, patience } from '../../../test/support/patience.js';
import { createFolderWithClient, createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';
import type { SmsMessage, SmsSender } from '../../ports/sms-sender.js';

// Attacks on the one-time code and on account enumeration. SMS are captured by an in-process SmsSender
// (the port's boundary): the outbox route is covered by client-auth-flow.test.ts. Each request gets its
// own X-Forwarded-For address (trust proxy on) so that per-IP limits do not get in the way, except where
// they are the point.

const sent: SmsMessage[] = [];
/** While set, the provider holds every SMS until the test lets it go: a provider as slow as wanted, without a clock. */
let providerGate: Promise<void> | undefined;
const capturingSms: SmsSender = {
  async send(message) {
    if (providerGate) await providerGate;
    sent.push(message);
  },
};

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp({ sms: capturingSms, env: { LECOFFRE_TRUST_PROXY: '1' } });
});
after(() => t.close());

let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++ % 250}`;
const post = (path: string, body: object, ip = freshIp()) => supertest(t.app).post(path).set('X-Forwarded-For', ip).send(body);

async function codeFor(mobile: string): Promise<string> {
  const message = await eventually(`an SMS to ${mobile}`, () => sent.findLast((m) => m.to === mobile));
  return (/(\d{6})\./.exec(message.text) as RegExpExecArray)[1];
}

async function startFor(email: string): Promise<string> {
  const res = await post('/v1/client-auth/start', { email }).expect(202);
  return res.body.attempt;
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('one-time code attacks', () => {
  it('refuses the 6th try even with the right code (5 wrong codes burn the attempt)', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const attempt = await startFor(email);
    const code = await codeFor(mobile);
    for (let tries = 1; tries <= 5; tries++) {
      const res = await post('/v1/client-auth/verify', { attempt, code: otherCode(code) }).expect(422);
      assert.equal(res.body.code, 'invalid_code');
      assert.match(res.body.detail, new RegExp(`^Code incorrect : ${5 - tries} essai`));
    }
    const sixth = await post('/v1/client-auth/verify', { attempt, code }).expect(422);
    assert.equal(sixth.body.code, 'code_attempts_exhausted');
    assert.equal(sixth.headers['set-cookie'], undefined, 'no session');
  });

  it('refuses an expired code (10 minutes)', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const attempt = await startFor(email);
    const code = await codeFor(mobile);
    t.clock.advance(10 * 60);
    const res = await post('/v1/client-auth/verify', { attempt, code }).expect(422);
    assert.equal(res.body.code, 'code_expired');

    const { email: email2, mobile: mobile2 } = await createFolderWithClient(t.db, t.office.id);
    const fresh = await startFor(email2);
    const code2 = await codeFor(mobile2);
    t.clock.advance(10 * 60 - 1);
    await post('/v1/client-auth/verify', { attempt: fresh, code: code2 }).expect(200);
  });

  it('refuses a code used once already', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const attempt = await startFor(email);
    const code = await codeFor(mobile);
    await post('/v1/client-auth/verify', { attempt, code }).expect(200);
    const again = await post('/v1/client-auth/verify', { attempt, code }).expect(422);
    assert.equal(again.body.code, 'code_already_used');
  });

  it('refuses a code sent for another attempt (another client, or an earlier attempt of the same one)', async () => {
    const a = await createFolderWithClient(t.db, t.office.id);
    const b = await createFolderWithClient(t.db, t.office.id);
    const attemptA = await startFor(a.email);
    const codeA = await codeFor(a.mobile);
    const attemptB = await startFor(b.email);
    const codeB = await codeFor(b.mobile);
    if (codeA !== codeB) {
      const crossed = await post('/v1/client-auth/verify', { attempt: attemptB, code: codeA }).expect(422);
      assert.equal(crossed.body.code, 'invalid_code');
    }

    t.clock.advance(61);
    const attemptA2 = await startFor(a.email);
    await eventually('the second SMS to A', () => sent.filter((m) => m.to === a.mobile).length >= 2);
    const codeA2 = await codeFor(a.mobile);
    if (codeA2 !== codeA) {
      const stale = await post('/v1/client-auth/verify', { attempt: attemptA2, code: codeA }).expect(422);
      assert.equal(stale.body.code, 'invalid_code', 'the first code does not open the second attempt');
    }
    const superseded = await post('/v1/client-auth/verify', { attempt: attemptA, code: codeA }).expect(422);
    assert.equal(superseded.body.code, 'login_attempt_unknown', 'a new code retires the previous attempt');
    await post('/v1/client-auth/verify', { attempt: attemptA2, code: codeA2 }).expect(200);
    await post('/v1/client-auth/verify', { attempt: attemptB, code: codeB }).expect(200);
  });

  it('enforces the one-minute resend cool-down, for known and unknown e-mails alike', async () => {
    const { email } = await createFolderWithClient(t.db, t.office.id);
    for (const address of [email, 'personne.inconnue@example.fr']) {
      await post('/v1/client-auth/start', { email: address }).expect(202);
      const again = await post('/v1/client-auth/start', { email: address }).expect(429);
      assert.equal(again.body.code, 'resend_too_soon');
      assert.ok(Number(again.headers['retry-after']) >= 1 && Number(again.headers['retry-after']) <= 60);
    }
    t.clock.advance(60);
    await post('/v1/client-auth/start', { email }).expect(202);
  });

  it('limits codes per e-mail (429) and per phone (silently: the answer stays the same)', async () => {
    const { email } = await createFolderWithClient(t.db, t.office.id);
    for (let i = 0; i < 5; i++) {
      await post('/v1/client-auth/start', { email }).expect(202);
      t.clock.advance(61);
    }
    const sixth = await post('/v1/client-auth/start', { email }).expect(429);
    assert.equal(sixth.body.code, 'too_many_codes');

    // Two clients (two e-mails) sharing one mobile: 6 starts, 5 SMS.
    const mobile = '+33612345678';
    const x = await createFolderWithClient(t.db, t.office.id, { mobile });
    const y = await createFolderWithClient(t.db, t.office.id, { mobile });
    for (let i = 0; i < 6; i++) {
      await post('/v1/client-auth/start', { email: i % 2 ? y.email : x.email }).expect(202);
      t.clock.advance(61);
    }
    // Five SMS arrive; the sixth start (answered 202 like the others) sends none.
    await eventually('five SMS to the shared mobile', () => sent.filter((m) => m.to === mobile).length >= 5);
    assert.equal(sent.filter((m) => m.to === mobile).length, 5);
  });
});

describe('no account enumeration', () => {
  it('answers an unknown e-mail with the same status, body and headers as a known one', async () => {
    const { email } = await createFolderWithClient(t.db, t.office.id);
    const known = await post('/v1/client-auth/start', { email });
    const unknown = await post('/v1/client-auth/start', { email: 'jamais.vu@example.fr' });
    assert.equal(known.status, 202);
    assert.equal(unknown.status, known.status);
    const { attempt: knownAttempt, ...knownRest } = known.body;
    const { attempt: unknownAttempt, ...unknownRest } = unknown.body;
    assert.deepEqual(unknownRest, knownRest, 'same expiry and resend times');
    assert.match(knownAttempt, /^lca_[\w-]{43}$/);
    assert.match(unknownAttempt, /^lca_[\w-]{43}$/);
    const headerNames = (res: supertest.Response) =>
      Object.keys(res.headers)
        .filter((h) => !['date', 'etag', 'x-request-id', 'content-length'].includes(h))
        .sort();
    assert.deepEqual(headerNames(unknown), headerNames(known));
    assert.equal(unknown.headers['content-length'], known.headers['content-length']);

    // The unknown attempt behaves like a known one under wrong codes: same answers, same burn-out.
    for (let tries = 1; tries <= 5; tries++) {
      const res = await post('/v1/client-auth/verify', { attempt: unknownAttempt, code: '123456' }).expect(422);
      assert.equal(res.body.code, 'invalid_code');
    }
    const burnt = await post('/v1/client-auth/verify', { attempt: unknownAttempt, code: '123456' }).expect(422);
    assert.equal(burnt.body.code, 'code_attempts_exhausted');
  });

  it('answers in similar time, even with a slow SMS provider', async () => {
    let release = () => {};
    providerGate = new Promise((resolve) => {
      release = resolve;
    });
    try {
      const known: number[] = [];
      const unknown: number[] = [];
      const clients = await Promise.all(Array.from({ length: 12 }, () => createFolderWithClient(t.db, t.office.id)));
      for (const [i, client] of clients.entries()) {
        for (const [address, into] of [
          [client.email, known],
          [`inconnu.${i}@example.fr`, unknown],
        ] as const) {
          const started = performance.now();
          await post('/v1/client-auth/start', { email: address }).expect(202);
          into.push(performance.now() - started);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const [k, u] = [median(known.slice(2)), median(unknown.slice(2))];
      console.log(`# start: median ${k.toFixed(1)} ms for a known e-mail, ${u.toFixed(1)} ms for an unknown one`);
      // Every known address was answered while the provider still held its SMS: the answer never waits for it.
      assert.equal(sent.filter((m) => clients.some((c) => c.mobile === m.to)).length, 0, 'answered before the provider let any SMS go');
      // Medians of the same work on the same machine: a relative bound, its floor widened with the load.
      assert.ok(Math.abs(k - u) < Math.max(patience(10), 0.5 * Math.min(k, u)), `known ${k.toFixed(1)} ms vs unknown ${u.toFixed(1)} ms`);
    } finally {
      providerGate = undefined;
      release();
    }
  });

  it('throttles each IP across e-mails (RateLimit headers, then 429 rate_limited)', async () => {
    const ip = '203.0.113.7';
    let last: supertest.Response | undefined;
    let remaining = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 61; i++) {
      last = await post('/v1/client-auth/verify', { attempt: 'lca_nothing', code: '000000' }, ip);
      if (last.status === 429) break;
      const now = Number(last.headers['ratelimit-remaining']);
      assert.ok(now < remaining, 'RateLimit-Remaining counts down');
      remaining = now;
    }
    assert.equal(last?.status, 429);
    assert.equal(last?.body.code, 'rate_limited');
    assert.equal(last?.headers['ratelimit-limit'], '60');
    assert.equal(last?.headers['ratelimit-remaining'], '0');
    assert.ok(Number(last?.headers['retry-after']) > 0);
    await post('/v1/client-auth/verify', { attempt: 'lca_nothing', code: '000000' }, '203.0.113.8').expect(422);
  });
});
