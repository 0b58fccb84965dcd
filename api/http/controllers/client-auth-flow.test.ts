import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import supertest from 'supertest';
import { eventually } from '../../../test/support/patience.js';
import { createFolderWithClient, createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';

// The guide's part II.1, through the HTTP API: e-mail -> SMS code (read back from the dev outbox over
// HTTP) -> verify -> choose a password -> logout -> e-mail + password.

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp();
});
after(() => t.close());

/** The newest SMS to `mobile` in /dev/outbox (the SMS leaves after the answer: poll briefly). */
async function smsCode(mobile: string, after = 0): Promise<string> {
  const messages = await eventually(`an SMS to ${mobile} in the outbox`, async () => {
    const res = await t.request.get(`/dev/outbox?to=${encodeURIComponent(mobile)}`).expect(200);
    const found = res.body.data as Array<{ kind: string; text: string }>;
    return found.length > after && found;
  });
  assert.equal(messages[0].kind, 'sms');
  const match = /code de connexion est (\d{6})\./.exec(messages[0].text);
  assert.ok(match, messages[0].text);
  return match[1];
}

describe('client sign-in', () => {
  it('runs start -> SMS -> verify -> password -> logout -> login with password', async () => {
    const { email, mobile, clientId } = await createFolderWithClient(t.db, t.office.id, { email: 'Estelle.Graglia@Example.fr' });
    const browser = supertest.agent(t.app);

    const start = await browser.post('/v1/client-auth/start').send({ email: ' estelle.graglia@example.FR ' }).expect(202);
    assert.match(start.body.attempt, /^lca_[\w-]{43}$/);
    assert.equal(new Date(start.body.expiresAt).getTime() - t.clock.now().getTime(), 10 * 60_000);
    assert.equal(new Date(start.body.resendAfter).getTime() - t.clock.now().getTime(), 60_000);
    assert.ok(start.headers['ratelimit-limit'], 'RateLimit-Limit');
    assert.ok(start.headers['ratelimit-remaining'], 'RateLimit-Remaining');
    assert.ok(start.headers['ratelimit-reset'], 'RateLimit-Reset');

    const code = await smsCode(mobile);
    const outbox = await t.request.get('/dev/outbox').expect(200);
    assert.equal(outbox.body.data[0].to, mobile);
    assert.match(outbox.body.data[0].text, new RegExp(`@127\\.0\\.0\\.1 #${code}$`), 'the last line lets phones fill the code in');
    const stored = await t.db.models.ClientLoginAttempt.findOne({ where: { clientId } });
    assert.ok(stored?.codeHash && !stored.codeHash.includes(code), 'the code is stored hashed');

    const verify = await browser.post('/v1/client-auth/verify').send({ attempt: start.body.attempt, code }).expect(200);
    assert.deepEqual(verify.body, {
      client: { id: clientId, firstName: 'Estelle', lastName: 'Graglia' },
      passwordSet: false,
      sessionExpiresAt: verify.body.sessionExpiresAt,
    });
    assert.ok(!JSON.stringify(verify.body).includes('lcs_'), 'the session is not in the body');
    const cookie = (verify.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('lecoffre_session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);

    const me = await browser.get('/v1/me').expect(200);
    assert.equal(me.body.kind, 'client');
    assert.equal(me.body.client.email, email);
    assert.ok(me.body.permissions.includes('files:upload') && me.body.permissions.includes('client_auth:password'));
    assert.ok(!me.body.permissions.includes('files:review'), 'a client reviews nothing');

    await browser.post('/v1/client-auth/password').send({ password: 'Rennes-Parlement-35' }).expect(204);
    const credential = await t.db.models.ClientCredential.findByPk(clientId);
    assert.match(credential?.passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    await browser.post('/v1/client-auth/logout').expect(204);
    await browser.get('/v1/me').expect(401);

    const login = await browser.post('/v1/client-auth/login').send({ email, password: 'Rennes-Parlement-35' }).expect(200);
    assert.equal(login.body.passwordSet, true);
    assert.equal(login.body.client.id, clientId);
    assert.equal((await browser.get('/v1/me').expect(200)).body.client.id, clientId);
  });

  it('refuses weak passwords with the reason, French first', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id, { lastName: 'Michou' });
    const browser = supertest.agent(t.app);
    const start = await browser.post('/v1/client-auth/start').send({ email }).expect(202);
    await browser
      .post('/v1/client-auth/verify')
      .send({ attempt: start.body.attempt, code: await smsCode(mobile) })
      .expect(200);

    const cases: Array<[string, RegExp]> = [
      ['Ab1', /^Au moins 8 caractères \/ At least 8 characters$/],
      ['sansmajuscule1', /^Au moins une majuscule/],
      ['SANSMINUSCULE1', /^Au moins une minuscule/],
      ['SansChiffreIci', /^Au moins un chiffre/],
      ['Azerty123', /^Trop courant/],
      ['Motdepasse1!', /^Trop courant/],
      ['P@ssw0rd2024', /^Trop courant/],
      ['Marseille13', /^Trop courant/],
      ['Michou2024x', /^Ne doit pas contenir votre nom/],
    ];
    for (const [password, reason] of cases) {
      const res = await browser.post('/v1/client-auth/password').send({ password }).expect(422);
      assert.equal(res.body.code, 'weak_password', password);
      assert.ok(
        res.body.errors.some((e: { path: string; message: string }) => e.path === 'password' && reason.test(e.message)),
        `${password}: ${JSON.stringify(res.body.errors)}`,
      );
    }
    const tooLong = await browser
      .post('/v1/client-auth/password')
      .send({ password: `Aa1${'x'.repeat(130)}` })
      .expect(422);
    assert.equal(tooLong.body.code, 'validation_failed');
    await browser.post('/v1/client-auth/password').send({ password: 'Bretagne-Nord-22' }).expect(204);
  });

  it('lets only a fresh SMS-code session choose a password', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const first = supertest.agent(t.app);
    const start = await first.post('/v1/client-auth/start').send({ email }).expect(202);
    await first
      .post('/v1/client-auth/verify')
      .send({ attempt: start.body.attempt, code: await smsCode(mobile) })
      .expect(200);
    await first.post('/v1/client-auth/password').send({ password: 'Vannes-Golfe-56' }).expect(204);

    const byPassword = supertest.agent(t.app);
    await byPassword.post('/v1/client-auth/login').send({ email, password: 'Vannes-Golfe-56' }).expect(200);
    const res = await byPassword.post('/v1/client-auth/password').send({ password: 'Autre-Chose-99' }).expect(403);
    assert.equal(res.body.code, 'recent_code_required');

    t.clock.advance(16 * 60);
    const stale = await first.post('/v1/client-auth/password').send({ password: 'Autre-Chose-99' }).expect(403);
    assert.equal(stale.body.code, 'recent_code_required', 'a code session older than 15 minutes cannot change the password');

    // Forgotten password = the code flow again; the new password ends the other sessions.
    const again = supertest.agent(t.app);
    const restart = await again.post('/v1/client-auth/start').send({ email }).expect(202);
    const verified = await again
      .post('/v1/client-auth/verify')
      .send({ attempt: restart.body.attempt, code: await smsCode(mobile, 1) })
      .expect(200);
    assert.equal(verified.body.passwordSet, true);
    await again.post('/v1/client-auth/password').send({ password: 'Quimper-Odet-29' }).expect(204);
    await byPassword.get('/v1/me').expect(401);
    await again.get('/v1/me').expect(200);
    await supertest(t.app).post('/v1/client-auth/login').send({ email, password: 'Vannes-Golfe-56' }).expect(401);
    await supertest(t.app).post('/v1/client-auth/login').send({ email, password: 'Quimper-Odet-29' }).expect(200);
  });

  it('answers a wrong password and an unknown e-mail alike, and throttles failures per account', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const browser = supertest.agent(t.app);
    const start = await browser.post('/v1/client-auth/start').send({ email }).expect(202);
    await browser
      .post('/v1/client-auth/verify')
      .send({ attempt: start.body.attempt, code: await smsCode(mobile) })
      .expect(200);
    await browser.post('/v1/client-auth/password').send({ password: 'Lorient-Port-56' }).expect(204);

    const wrong = await supertest(t.app).post('/v1/client-auth/login').send({ email, password: 'Lorient-Port-57' }).expect(401);
    const unknown = await supertest(t.app)
      .post('/v1/client-auth/login')
      .send({ email: 'nobody@example.fr', password: 'Lorient-Port-57' })
      .expect(401);
    const { requestId: _a, ...wrongBody } = wrong.body;
    const { requestId: _b, ...unknownBody } = unknown.body;
    assert.deepEqual(wrongBody, unknownBody);
    assert.equal(wrongBody.code, 'invalid_credentials');

    for (let i = 0; i < 4; i++)
      await supertest(t.app)
        .post('/v1/client-auth/login')
        .send({ email, password: `Wrong-${i}-Pass` })
        .expect(401);
    const throttled = await supertest(t.app).post('/v1/client-auth/login').send({ email, password: 'Lorient-Port-56' }).expect(429);
    assert.equal(throttled.body.code, 'too_many_failures', 'after 5 failures even the right password waits');
    assert.ok(Number(throttled.headers['retry-after']) > 0 && Number(throttled.headers['retry-after']) <= 15 * 60);
    t.clock.advance(15 * 60 + 1);
    await supertest(t.app).post('/v1/client-auth/login').send({ email, password: 'Lorient-Port-56' }).expect(200);
  });

  it('logout without a session still answers 204 and clears the cookie', async () => {
    const res = await supertest(t.app).post('/v1/client-auth/logout').expect(204);
    assert.match(String(res.headers['set-cookie']), /lecoffre_session=;/);
  });
});
