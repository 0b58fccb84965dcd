/**
 * A widget session that expires while a page uses it: the client renews its token through the provider
 * (once for the calls refused together), retries each refused call once, and never retries a POST whose
 * answer was lost under another token than the first attempt's (the API scopes idempotency keys by token).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashSecret } from '../api/services/auth/secret-tokens.js';
import { createMemberSession } from '../test/support/test-app.js';
import { AuthenticationError, BearerToken, fetchTransport, LeCoffre, type Transport } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let office: LeCoffre;
let memberId: string;
/** Every widget token the API received, in order (the office's own calls left out). */
let sent: string[] = [];

before(async () => {
  api = await startApi((req, _res, next) => {
    const authorization = req.get('authorization') ?? '';
    if (authorization.startsWith('Bearer lcw_')) sent.push(authorization);
    next();
  });
  office = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
  ({ memberId } = await createMemberSession(api.testApp.db, api.testApp.office.id));
});
after(() => api.close());

const mint = async () => (await office.widgetSessions.create({ memberId })).token;

/** As if the session's minutes had run out. */
async function expire(token: string): Promise<void> {
  await api.testApp.db.models.WidgetSession.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { tokenHash: hashSecret(token) } });
}

describe('BearerToken', () => {
  it('renews a refused token once for the calls refused together, and retries each of them once', async () => {
    const first = await mint();
    let calls = 0;
    const token = new BearerToken(first, () => {
      calls += 1;
      return mint();
    });
    const lecoffre = new LeCoffre({ token, baseUrl: api.baseUrl });
    await expire(first);
    sent = [];
    const [me, folders, deedTypes] = await Promise.all([
      lecoffre.me.retrieve(),
      lecoffre.folders.list().page(),
      lecoffre.catalogue.deedTypes.list().page(),
    ]);
    assert.equal(me.kind, 'widget');
    assert.ok(Array.isArray(folders.data) && Array.isArray(deedTypes.data));
    assert.equal(calls, 1);
    assert.notEqual(token.value, first);
    assert.deepEqual(sent.slice(0, 3), Array(3).fill(`Bearer ${first}`));
    assert.deepEqual(sent.slice(3), Array(3).fill(`Bearer ${token.value}`));

    // A second client sharing the token object uses the renewed one at once.
    const other = new LeCoffre({ token, baseUrl: api.baseUrl });
    assert.equal((await other.me.retrieve()).kind, 'widget');
    assert.equal(calls, 1);
  });

  it('throws the 401 without a provider, or when the provider fails (asked once per token), or when its token is refused too', async () => {
    const first = await mint();
    await expire(first);
    await assert.rejects(new LeCoffre({ token: first, baseUrl: api.baseUrl }).me.retrieve(), AuthenticationError);

    let calls = 0;
    const failing = new BearerToken(first, async () => {
      calls += 1;
      throw new Error('the vendor’s server is down');
    });
    const lecoffre = new LeCoffre({ token: failing, baseUrl: api.baseUrl });
    await assert.rejects(lecoffre.me.retrieve(), AuthenticationError);
    await assert.rejects(lecoffre.folders.list().page(), AuthenticationError);
    assert.equal(calls, 1, 'a dead session does not call the provider on every request');

    const dead = await mint();
    await expire(dead);
    sent = [];
    const stale = new LeCoffre({ token: new BearerToken(first, async () => dead), baseUrl: api.baseUrl });
    await assert.rejects(stale.me.retrieve(), AuthenticationError);
    assert.deepEqual(sent, [`Bearer ${first}`, `Bearer ${dead}`], 'one retry, not a loop');
  });

  it('retries a POST whose answer was lost with the token it was sent with, even once renewed: one folder', async () => {
    const first = await mint();
    const token = new BearerToken(first, mint);
    let lost = false;
    const real = fetchTransport();
    // The folder is created, then the answer is lost; meanwhile the session expires and another call renews it.
    const losing: Transport = {
      async send(request) {
        const response = await real.send(request);
        if (request.method !== 'POST' || lost) return response;
        lost = true;
        await response.text();
        await expire(first);
        await token.renew(first);
        throw new TypeError('socket hang up');
      },
    };
    const lecoffre = new LeCoffre({ token, baseUrl: api.baseUrl, transport: losing });
    sent = [];
    const folder = await lecoffre.folders.create({ number: 'T-RENEW-1', title: 'Vente Roux', deedType: 'vente' });
    assert.notEqual(token.value, first, 'renewed meanwhile');
    assert.deepEqual(sent.at(-1), `Bearer ${first}`, 'the retry went with the first token, and was answered from the first run');
    const numbers = (await office.folders.list({ q: 'T-RENEW-1' }).toArray()).map((f) => f.id);
    assert.deepEqual(numbers, [folder.id]);
  });
});
