/**
 * Credentials through the SDK, against the real API: API keys, member sessions, widget sessions, the
 * client's cookie session; and the real 403 and 429 they run into.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listDevOutbox } from '../api/adapters/sms/dev-outbox.js';
import { eventually, patience } from '../test/support/patience.js';
import { createFolderWithClient, createMemberSession } from '../test/support/test-app.js';
import { AuthenticationError, LeCoffre, PermissionError, RateLimitError } from './index.js';
import { type RunningApi, startApi } from './test-helpers.js';

let api: RunningApi;
let withApiKey: LeCoffre;
before(async () => {
  api = await startApi();
  withApiKey = new LeCoffre({ apiKey: api.testApp.office.apiKey, baseUrl: api.baseUrl });
});
after(() => api.close());

/**
 * What a browser does with cookies, for Node's fetch (which keeps none): stores `Set-Cookie` and sends
 * the cookies back. Every request still goes to the real API.
 */
function fetchWithCookies(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size) headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    return response;
  };
}

async function smsCode(mobile: string): Promise<string> {
  // The SMS leaves just after the answer.
  return eventually(`an SMS to ${mobile}`, async () => {
    const [sms] = await listDevOutbox(api.testApp.db, { to: mobile, kind: 'sms' });
    return sms && /(\d{6})/.exec(sms.text)?.[1];
  });
}

describe('credentials through the SDK', () => {
  it('an API key: me, then a widget session for a client, which sees its folder and nothing of the staff', async () => {
    const me = await withApiKey.me.retrieve();
    assert.equal(me.kind, 'api_key');
    assert.equal(me.office.name, 'SELAS AP NOTAIRES');

    const folder = await withApiKey.folders.create({ number: 'W-1', title: 'Vente Martin', deedType: 'vente' });
    const { client } = await withApiKey.folders.addClient(folder.id, {
      client: { lastName: 'Martin', firstName: 'Louis', email: 'louis.martin@example.fr', mobile: '06 11 22 33 44' },
    });
    const session = await withApiKey.widgetSessions.create({ clientId: client.id, folderId: folder.id, expiresInMinutes: 5 });
    assert.match(session.token, /^lcw_/);

    const widget = new LeCoffre({ token: session.token, baseUrl: api.baseUrl });
    assert.equal((await widget.me.retrieve()).kind, 'client');
    assert.equal((await widget.folders.retrieve(folder.id)).number, 'W-1');
    const error = await widget.members
      .list()
      .page()
      .catch((e: unknown) => e);
    assert.ok(error instanceof PermissionError, String(error));
    assert.equal(error.status, 403);
    assert.equal(error.code, 'operation_not_allowed');
  });

  it("a notary's session: approves a collaborator and manages API keys, which an API key may not", async () => {
    const notary = await createMemberSession(api.testApp.db, api.testApp.office.id, { role: 'notary' });
    const pending = await createMemberSession(api.testApp.db, api.testApp.office.id, { role: 'collaborator', status: 'pending' });
    const asNotary = new LeCoffre({ token: notary.token, baseUrl: api.baseUrl });

    const waiting = await asNotary.members.list({ status: 'pending' }).toArray();
    assert.deepEqual(
      waiting.map((m) => m.id),
      [pending.memberId],
    );
    assert.equal((await asNotary.members.approve(pending.memberId)).status, 'active');

    const created = await asNotary.apiKeys.create({ name: 'Logiciel de rédaction — test', mode: 'test' });
    assert.match(created.secret, /^lck_test_/);
    assert.ok((await asNotary.apiKeys.list().toArray()).some((k) => k.id === created.id));
    const vendor = new LeCoffre({ apiKey: created.secret, baseUrl: api.baseUrl });
    assert.equal((await vendor.me.retrieve()).kind, 'api_key');
    await asNotary.apiKeys.revoke(created.id);
    await assert.rejects(vendor.me.retrieve(), AuthenticationError);

    await assert.rejects(withApiKey.apiKeys.list().page(), PermissionError);
  });

  it("a client's cookie session: code by SMS, password, logout, login with the password", async () => {
    const { email, mobile, clientId } = await createFolderWithClient(api.testApp.db, api.testApp.office.id);
    const page = new LeCoffre({ cookieSession: true, baseUrl: api.baseUrl, fetch: fetchWithCookies() });

    const started = await page.clientAuth.start({ email });
    const signedIn = await page.clientAuth.verify({ attempt: started.attempt, code: await smsCode(mobile) });
    assert.equal(signedIn.client.id, clientId);
    assert.equal(signedIn.passwordSet, false);
    assert.equal((await page.me.retrieve()).kind, 'client');

    await page.clientAuth.setPassword({ password: 'Rennes-Parlement-35' });
    await page.clientAuth.logout();
    await assert.rejects(page.me.retrieve(), AuthenticationError);
    assert.equal((await page.clientAuth.login({ email, password: 'Rennes-Parlement-35' })).passwordSet, true);
    assert.equal((await page.me.retrieve()).kind, 'client');
  });

  it('a real 429: a second code asked within the minute is refused with Retry-After', async () => {
    const { email } = await createFolderWithClient(api.testApp.db, api.testApp.office.id);
    const page = new LeCoffre({ cookieSession: true, baseUrl: api.baseUrl });
    await page.clientAuth.start({ email });
    const started = Date.now();
    const error = await page.clientAuth.start({ email }).catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.status, 429);
    assert.ok(error.retryAfter !== undefined && error.retryAfter > 10 && error.retryAfter <= 60, `retryAfter ${error.retryAfter}`);
    assert.ok(Date.now() - started < patience(2_000), 'a wait that long is left to the caller, not slept through');
  });
});
