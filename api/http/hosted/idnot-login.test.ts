import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { CookieBrowser, createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';
import { seedDemoOffice } from '../../db/seed/seed.js';
import type { Me } from '../../services/auth/describe-me.js';

// The full ID.not login, over real HTTP, against the dev identity provider the app mounts under
// /dev/idnot: openid-client discovers it, redirects the browser, the login page signs a seeded person in,
// the callback checks state, nonce and PKCE and opens the session.

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
  await seedDemoOffice(t.db, await mkdtemp(path.join(tmpdir(), 'lecoffre-seed-')));
});
after(() => t.close());

/** Up to the dev provider's login page; returns the form action of the chosen account's button. */
async function openLoginPage(
  browser: CookieBrowser,
  returnTo = '/v1/me',
): Promise<{ loginAction: string; html: string; firstHop: Response }> {
  const firstHop = await browser.fetch(`${t.baseUrl}/auth/idnot/login?returnTo=${encodeURIComponent(returnTo)}`);
  const { res, visited } = await browser.follow(firstHop.headers.get('location') as string);
  assert.equal(res.status, 200, visited.join(' -> '));
  const html = await res.text();
  const action = /action="([^"]+\/login)"/.exec(html);
  assert.ok(action, 'the login page has a login form');
  return { loginAction: new URL(action[1], t.baseUrl).href, html, firstHop };
}

/** Picks `subject` on the login page and follows the provider back to our callback; returns the callback's answer. */
async function pickAccount(
  browser: CookieBrowser,
  loginAction: string,
  subject: string,
): Promise<{ callback: Response; callbackUrl: string }> {
  let res = await browser.fetch(loginAction, { form: { subject } });
  let url = loginAction;
  while (res.status === 303 || res.status === 302) {
    url = new URL(res.headers.get('location') as string, url).href;
    if (url.startsWith(`${t.baseUrl}/auth/idnot/callback`)) break;
    res = await browser.fetch(url);
  }
  assert.ok(url.startsWith(`${t.baseUrl}/auth/idnot/callback?`), `the provider sent the browser back to the callback (${url})`);
  return { callback: await browser.fetch(url), callbackUrl: url };
}

async function signIn(subject: string): Promise<CookieBrowser> {
  const browser = new CookieBrowser();
  const { loginAction } = await openLoginPage(browser);
  const { callback } = await pickAccount(browser, loginAction, subject);
  assert.equal(callback.status, 303, `callback for ${subject}`);
  return browser;
}

const me = (browser: CookieBrowser) => browser.fetch(`${t.baseUrl}/v1/me`, { headers: { accept: 'application/json' } });

describe('ID.not login against the dev identity provider', () => {
  it('serves OpenID discovery with PKCE S256 under /dev/idnot', async () => {
    const res = await fetch(`${t.baseUrl}/dev/idnot/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const discovery = (await res.json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, `${t.baseUrl}/dev/idnot`);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.ok((discovery.scopes_supported as string[]).includes('idnot'));
  });

  it('signs Caroline Pallut in: redirect with PKCE, state and nonce, login page, callback, cookie session, GET /v1/me', async () => {
    const browser = new CookieBrowser();
    const started = performance.now();
    const { loginAction, html, firstHop } = await openLoginPage(browser);

    assert.equal(firstHop.status, 303);
    const authorize = new URL(firstHop.headers.get('location') as string);
    assert.equal(authorize.origin + authorize.pathname, `${t.baseUrl}/dev/idnot/auth`);
    assert.equal(authorize.searchParams.get('response_type'), 'code');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorize.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.match(authorize.searchParams.get('state') ?? '', /^[\w-]{43}$/);
    assert.match(authorize.searchParams.get('nonce') ?? '', /^[\w-]{43}$/);
    assert.equal(authorize.searchParams.get('redirect_uri'), `${t.baseUrl}/auth/idnot/callback`);
    assert.ok(authorize.searchParams.get('scope')?.split(' ').includes('idnot'));
    const loginCookie = firstHop.headers.getSetCookie().find((c) => c.startsWith('lecoffre_idnot_login='));
    assert.ok(loginCookie, 'the login transaction is bound to the browser');
    assert.match(loginCookie, /HttpOnly/i);
    assert.match(loginCookie, /SameSite=Lax/i);

    for (const name of ['Caroline Pallut', 'Julien Moreau', 'Léa Martin', 'Vincent Villecourt']) assert.ok(html.includes(name), name);

    const { callback } = await pickAccount(browser, loginAction, 'APap35026');
    assert.equal(callback.status, 303);
    assert.equal(callback.headers.get('location'), '/v1/me');
    const sessionCookie = callback.headers.getSetCookie().find((c) => c.startsWith('lecoffre_session='));
    assert.ok(sessionCookie, 'the callback sets the session cookie');
    assert.match(sessionCookie, /HttpOnly/i);
    assert.match(sessionCookie, /SameSite=Lax/i);
    assert.match(sessionCookie, /Path=\//);
    assert.doesNotMatch(sessionCookie, /Secure/i, 'Secure only in production (plain http here)');
    assert.ok(!browser.cookies.has('lecoffre_idnot_login'), 'the login transaction cookie is cleared');

    const res = await me(browser);
    const elapsed = performance.now() - started;
    assert.equal(res.status, 200);
    const body = (await res.json()) as Me;
    assert.equal(body.kind, 'member');
    assert.deepEqual(
      { firstName: body.member?.firstName, lastName: body.member?.lastName, role: body.member?.role, status: body.member?.status },
      { firstName: 'Caroline', lastName: 'Pallut', role: 'notary', status: 'active' },
    );
    assert.equal(body.office.crpcen, '35026');
    assert.equal(body.office.name, 'SELAS AP NOTAIRES');
    assert.equal(body.session?.kind, 'session');
    assert.ok(body.permissions.includes('members:approve'));
    assert.ok(body.permissions.includes('api_keys:manage'));
    console.log(`# full ID.not login (discovery excluded after the first) to GET /v1/me: ${elapsed.toFixed(0)} ms`);

    // The cookie's value is a bearer secret too, and only its hash is stored.
    const token = browser.cookies.get('lecoffre_session') as string;
    assert.match(token, /^lcs_[\w-]{43}$/);
    const bearer = await fetch(`${t.baseUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(bearer.status, 200);
    assert.equal(await t.db.models.Session.count({ where: { tokenHash: token } }), 0);
  });

  it('keeps a collaborator’s first login pending (403 member_pending) until a notary approves', async () => {
    const lea = await signIn('LMlm35026');
    const pending = await me(lea);
    assert.equal(pending.status, 200, 'GET /v1/me answers a pending member');
    const pendingMe = (await pending.json()) as Me;
    assert.equal(pendingMe.member?.status, 'pending');
    assert.equal(pendingMe.member?.role, 'collaborator');
    assert.deepEqual(pendingMe.permissions, []);
    for (const url of ['/v1/folders', '/v1/members', '/v1/deed-types']) {
      const res = await lea.fetch(`${t.baseUrl}${url}`);
      assert.equal(res.status, 403, url);
      assert.equal(((await res.json()) as { code: string }).code, 'member_pending', url);
    }
    const event = await t.db.sequelize.query("SELECT type FROM outbox_events WHERE type = 'member.pending'", { type: QueryTypes.SELECT });
    assert.equal(event.length, 1, 'a member.pending event is emitted for the webhooks');

    // A collaborator cannot approve; a notary of another office cannot even see her.
    const julien = await signIn('JMjm35026');
    const vincent = await signIn('VVvv44999');
    const caroline = await signIn('APap35026');
    const queue = await caroline.fetch(`${t.baseUrl}/v1/members?status=pending`);
    const pendingList = ((await queue.json()) as { data: Array<{ id: string; lastName: string }> }).data;
    assert.deepEqual(
      pendingList.map((m) => m.lastName),
      ['Martin'],
    );
    const leaId = pendingList[0].id;
    const approve = (browser: CookieBrowser) => browser.fetch(`${t.baseUrl}/v1/members/${leaId}/approve`, { method: 'POST' });
    assert.equal((await approve(julien)).status, 403);
    assert.equal((await approve(vincent)).status, 404);
    assert.equal((await lea.fetch(`${t.baseUrl}/v1/folders`)).status, 403, 'still pending');

    const evil = await caroline.fetch(`${t.baseUrl}/v1/members/${leaId}/approve`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(evil.status, 403, 'a cookie-authenticated POST from another site is refused');
    assert.equal(((await evil.json()) as { code: string }).code, 'cross_origin_request');

    const approved = await approve(caroline);
    assert.equal(approved.status, 200);
    assert.equal(((await approved.json()) as { status: string }).status, 'active');
    assert.equal((await lea.fetch(`${t.baseUrl}/v1/folders`)).status, 200, 'the same session works once approved');
    const leaMe = (await (await me(lea)).json()) as Me;
    assert.equal(leaMe.member?.status, 'active');
    assert.ok(leaMe.permissions.includes('folders:read'));
    assert.ok(!leaMe.permissions.includes('members:approve'));
  });

  it('shows a clear French page for an office unknown to LeCoffre, and creates nothing', async () => {
    const browser = new CookieBrowser();
    const { loginAction } = await openLoginPage(browser);
    const members = await t.db.models.Member.count();
    const sessions = await t.db.models.Session.count();
    const { callback } = await pickAccount(browser, loginAction, 'XXxx99999');
    assert.equal(callback.status, 403);
    assert.match(callback.headers.get('content-type') ?? '', /text\/html/);
    const html = await callback.text();
    assert.match(html, /lang="fr"/);
    assert.match(html, /CRPCEN 99999/);
    assert.match(html, /pas encore inscrit sur LeCoffre/);
    assert.match(html, /Aucun compte n’a été créé/);
    assert.equal(await t.db.models.Member.count(), members);
    assert.equal(await t.db.models.Session.count(), sessions);
    assert.ok(!browser.cookies.has('lecoffre_session'));
  });

  it('keeps offices apart: the second office’s notary sees only their own office', async () => {
    const vincent = await signIn('VVvv44999');
    const body = (await (await me(vincent)).json()) as Me;
    assert.equal(body.office.crpcen, '44999');
    const members = (await (await vincent.fetch(`${t.baseUrl}/v1/members`)).json()) as { data: Array<{ lastName: string }> };
    assert.deepEqual(
      members.data.map((m) => m.lastName),
      ['Villecourt'],
    );
  });

  it('refuses a replayed callback, a tampered state and a callback without its browser cookie', async () => {
    const browser = new CookieBrowser();
    const { loginAction } = await openLoginPage(browser);
    const { callback, callbackUrl } = await pickAccount(browser, loginAction, 'APap35026');
    assert.equal(callback.status, 303);
    const replay = await browser.fetch(callbackUrl);
    assert.equal(replay.status, 400, 'a callback URL works once');
    assert.match(await replay.text(), /Connexion expirée/);

    const tampered = new CookieBrowser();
    const second = await openLoginPage(tampered);
    const { callbackUrl: genuine } = await pickAccountWithoutCallback(tampered, second.loginAction, 'APap35026');
    const forged = new URL(genuine);
    forged.searchParams.set('state', 'forged-state-value');
    const forgedRes = await tampered.fetch(forged.href);
    assert.equal(forgedRes.status, 400);
    assert.match(await forgedRes.text(), /Connexion impossible/);
    assert.ok(!tampered.cookies.has('lecoffre_session'));

    // The callback URL alone is not enough: the browser that started the login must bring its cookie.
    const owner = new CookieBrowser();
    const third = await openLoginPage(owner);
    const { callbackUrl: stolen } = await pickAccountWithoutCallback(owner, third.loginAction, 'APap35026');
    const stranger = new CookieBrowser();
    const strangerRes = await stranger.fetch(stolen);
    assert.equal(strangerRes.status, 400);
    assert.ok(!stranger.cookies.has('lecoffre_session'));
    assert.equal((await owner.fetch(stolen)).status, 303, 'the rightful browser still completes its login');
    assert.ok(owner.cookies.has('lecoffre_session'));
  });

  it('says so when the person cancels on the provider’s page', async () => {
    const browser = new CookieBrowser();
    const { loginAction } = await openLoginPage(browser);
    const { res, visited } = await browser.follow(loginAction.replace(/\/login$/, '/abort'), { method: 'POST' });
    assert.ok(
      visited.some((url) => url.startsWith(`${t.baseUrl}/auth/idnot/callback?error=access_denied`)),
      visited.join(' -> '),
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Connexion annulée/);
    assert.ok(!browser.cookies.has('lecoffre_session'));
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const browser = await signIn('APap35026');
    t.clock.advance(29 * 60);
    assert.equal((await me(browser)).status, 200, 'active within the idle timeout (the request slides it)');
    t.clock.advance(29 * 60);
    assert.equal((await me(browser)).status, 200);
    t.clock.advance(31 * 60);
    const idle = await me(browser);
    assert.equal(idle.status, 401);
    assert.match(idle.headers.get('www-authenticate') ?? '', /^Bearer/);

    const busy = await signIn('APap35026');
    let status = 200;
    let minutes = 0;
    while (status === 200 && minutes < 13 * 60) {
      t.clock.advance(25 * 60);
      minutes += 25;
      status = (await me(busy)).status;
    }
    assert.equal(status, 401);
    assert.ok(minutes > 12 * 60 && minutes <= 12 * 60 + 25, `a busy session ends at 12 h (ended after ${minutes} min)`);
  });

  it('logs out one browser, or every session with "logout everywhere"', async () => {
    const a = await signIn('APap35026');
    const b = await signIn('APap35026');
    const c = await signIn('APap35026');
    const out = await a.fetch(`${t.baseUrl}/auth/logout`, { method: 'POST', headers: { accept: 'application/json' } });
    assert.equal(out.status, 204);
    assert.ok(!a.cookies.has('lecoffre_session'), 'the cookie is cleared');
    assert.equal((await me(a)).status, 401);
    assert.equal((await me(b)).status, 200, 'other browsers stay signed in');

    const everywhere = await b.fetch(`${t.baseUrl}/auth/logout`, { form: { everywhere: 'true' } });
    assert.equal(everywhere.status, 303);
    assert.equal(everywhere.headers.get('location'), '/auth/logged-out');
    assert.equal((await me(b)).status, 401);
    assert.equal((await me(c)).status, 401, 'logout everywhere ends the other browsers’ sessions too');
  });
});

/** Like pickAccount, but stops before calling the callback (to tamper with it). */
async function pickAccountWithoutCallback(browser: CookieBrowser, loginAction: string, subject: string): Promise<{ callbackUrl: string }> {
  let res = await browser.fetch(loginAction, { form: { subject } });
  let url = loginAction;
  for (;;) {
    url = new URL(res.headers.get('location') as string, url).href;
    if (url.startsWith(`${t.baseUrl}/auth/idnot/callback`)) return { callbackUrl: url };
    res = await browser.fetch(url);
  }
}
