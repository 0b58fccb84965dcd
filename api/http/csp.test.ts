import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import supertest from 'supertest';
import { CookieBrowser, createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../../test/support/test-app.js';
import { createApp } from '../app.js';
import { IdentityProviderError } from '../ports/identity-provider.js';
import { sessionCookieName } from './hosted/session-cookie.js';

// Every HTML page the server can answer, each checked for the strict policy: the session cookie lives on
// this origin, so one page with a loose policy (sign-in, an error, /docs, a dev page) is enough for an
// injected script or style to reach it. No account is seeded: a login through the dev provider then ends on
// the "office not registered" page, which is one of the pages to check.

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Answer {
  status: number;
  contentType: string;
  csp: string | undefined;
  body: string;
}

let t: IdentityTestApp;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
});
after(() => t.close());

function parsePolicy(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** `connectAnywhere`: /verify lets the visitor's browser call the Tezos node they name (https or local). */
function assertStrictPolicy(label: string, answer: Answer, options: { connectAnywhere?: boolean } = {}): void {
  const { csp } = answer;
  assert.ok(csp, `${label}: a Content-Security-Policy header`);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/, `${label}: ${csp}`);
  const policy = parsePolicy(csp);
  for (const [name, values] of policy) {
    if (name === 'connect-src' && options.connectAnywhere) continue;
    for (const value of values) {
      const wildcard = value.includes('*') || /^(https?|wss?|ftp):$/i.test(value);
      assert.ok(!wildcard, `${label}: ${name} allows ${value} (${csp})`);
    }
  }
  assert.ok(["'none'", "'self'"].includes(policy.get('default-src')?.join(' ') ?? ''), `${label}: default-src (${csp})`);
  assert.deepEqual(policy.get('object-src'), ["'none'"], `${label}: object-src (${csp})`);
  assert.ok(["'none'", "'self'"].includes(policy.get('base-uri')?.join(' ') ?? ''), `${label}: base-uri (${csp})`);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${label}: frame-ancestors (${csp})`);
  const formAction = policy.get('form-action');
  assert.ok(
    formAction?.every((v) => v === "'self'" || v === "'none'"),
    `${label}: form-action (${csp})`,
  );

  if (!answer.contentType.includes('html')) return;
  // What the page itself carries must run under that policy: no inline style, handler or unhashed script.
  assert.doesNotMatch(answer.body, /<style[\s>]/i, `${label}: inline <style>`);
  assert.doesNotMatch(answer.body, /\sstyle\s*=/i, `${label}: style attribute`);
  assert.doesNotMatch(answer.body, /<[^>]+\son[a-z]+\s*=/i, `${label}: inline event handler`);
  const scriptSources = policy.get('script-src') ?? [];
  for (const [, attributes, code] of answer.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/.test(attributes)) continue;
    const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    assert.ok(scriptSources.includes(hash), `${label}: an inline script the policy does not name by its hash`);
  }
}

async function viaApp(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await t.request.get(path).set({ Accept: BROWSER_ACCEPT, ...headers });
  return {
    status: res.status,
    contentType: res.headers['content-type'] ?? '',
    csp: res.headers['content-security-policy'],
    body: res.text,
  };
}

async function read(res: Response): Promise<Answer> {
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    csp: res.headers.get('content-security-policy') ?? undefined,
    body: await res.text(),
  };
}

/** From /auth/idnot/login to the dev provider's login page, whose forms the caller then submits. */
async function devLoginPage(browser: CookieBrowser): Promise<{ answer: Answer; action: (name: string) => string }> {
  const first = await browser.fetch(`${t.baseUrl}/auth/idnot/login`, { headers: { accept: BROWSER_ACCEPT } });
  const { res } = await browser.follow(first.headers.get('location') as string, { headers: { accept: BROWSER_ACCEPT } });
  const answer = await read(res);
  assert.equal(answer.status, 200);
  const action = (name: string) => {
    const match = new RegExp(`action="([^"]+/${name})"`).exec(answer.body);
    assert.ok(match, `the login page has a ${name} form`);
    return new URL(match[1], t.baseUrl).href;
  };
  return { answer, action };
}

/** Posts a form of the dev provider and follows it back to our callback; returns the callback's page. */
async function submitToCallback(browser: CookieBrowser, url: string, form: Record<string, string>): Promise<Answer> {
  const first = await browser.fetch(url, { method: 'POST', form });
  const { res, visited } = await browser.follow(new URL(first.headers.get('location') as string, url).href);
  assert.ok(visited.at(-1)?.startsWith(`${t.baseUrl}/auth/idnot/callback`), visited.join(' -> '));
  return read(res);
}

describe('a strict Content-Security-Policy on every HTML page', () => {
  it('the hosted pages: /espace-client and its e-mail links, /verify, /app', async () => {
    const folder = 'fld_01m8cgy3k52yntbnymnkdsatmh';
    for (const path of [
      '/espace-client',
      `/espace-client/dossiers/${folder}`,
      `/espace-client/dossiers/${folder}/demandes/req_01m8cgy3w519p5m47k12hj2g1g`,
    ]) {
      assertStrictPolicy(path, await viaApp(path));
    }
    assertStrictPolicy('/verify', await viaApp('/verify'), { connectAnywhere: true });
    assertStrictPolicy('/app without a session (redirect)', await viaApp('/app'));
    const { token } = await createMemberSession(t.db, t.office.id);
    const console = await viaApp('/app', { Cookie: `${sessionCookieName(t.config)}=${token}` });
    assert.equal(console.status, 200);
    assertStrictPolicy('/app', console);
  });

  it('/docs, the reference (Redoc, its styles under a nonce) and the guides', async () => {
    for (const path of ['/docs', '/docs/', '/docs/guides/quick-start']) {
      const docs = await viaApp(path);
      assert.equal(docs.status, 200, path);
      assert.match(docs.contentType, /html/, path);
      assertStrictPolicy(path, docs);
    }
  });

  it('the sign-in dead ends and the logged-out page', async () => {
    const loggedOut = await viaApp('/auth/logged-out');
    assert.equal(loggedOut.status, 200);
    assertStrictPolicy('/auth/logged-out', loggedOut);
    const expired = await viaApp('/auth/idnot/callback?code=x&state=y');
    assert.equal(expired.status, 400);
    assertStrictPolicy('login expired', expired);

    const down = createApp({
      config: t.config,
      db: t.db,
      logger: pino({ level: 'silent' }),
      identityProvider: {
        beginLogin: () => Promise.reject(new IdentityProviderError('down', 'discovery_failed')),
        completeLogin: () => Promise.reject(new IdentityProviderError('down', 'discovery_failed')),
      },
    });
    const res = await supertest(down).get('/auth/idnot/login').set('Accept', BROWSER_ACCEPT);
    assert.equal(res.status, 503);
    assertStrictPolicy('ID.not unavailable', {
      status: 503,
      contentType: res.headers['content-type'],
      csp: res.headers['content-security-policy'],
      body: res.text,
    });
  });

  it('error answers to a browser', async () => {
    for (const path of ['/nulle-part', '/docs/nulle-part', '/auth/nulle-part', '/espace-client/dossiers/pas-un-id', '/v1/nulle-part']) {
      const answer = await viaApp(path);
      assert.equal(answer.status, 404, path);
      assertStrictPolicy(`404 ${path}`, answer);
    }
  });

  it('the dev outbox page', async () => {
    const outbox = await viaApp('/dev/outbox');
    assert.match(outbox.contentType, /html/);
    assertStrictPolicy('/dev/outbox', outbox);
  });

  it('the dev identity provider: login page, cancelled login, unregistered office', async () => {
    const cancelling = new CookieBrowser();
    const login = await devLoginPage(cancelling);
    assertStrictPolicy('dev login page', login.answer);
    const cancelled = await submitToCallback(cancelling, login.action('abort'), {});
    assert.equal(cancelled.status, 400);
    assert.match(cancelled.body, /Connexion annulée/);
    assertStrictPolicy('login cancelled', cancelled);

    const signingIn = new CookieBrowser();
    const second = await devLoginPage(signingIn);
    const unknownOffice = await submitToCallback(signingIn, second.action('login'), { subject: 'APap35026' });
    assert.equal(unknownOffice.status, 403);
    assertStrictPolicy('office not registered', unknownOffice);
  });

  it('the dev identity provider: its error page and its sign-out pages', async () => {
    const browser = new CookieBrowser();
    const error = await read(await browser.fetch(`${t.baseUrl}/dev/idnot/auth?client_id=inconnu&response_type=code&scope=openid`));
    assert.equal(error.status, 400);
    assert.match(error.contentType, /html/);
    assertStrictPolicy('dev provider error page', error);
    assertStrictPolicy('dev provider 404', await read(await browser.fetch(`${t.baseUrl}/dev/idnot/nulle-part`)));

    // Without a session at the provider, sign-out posts itself (the provider's own auto-submitting form).
    const autoSubmit = await read(await browser.fetch(`${t.baseUrl}/dev/idnot/session/end`));
    assert.equal(autoSubmit.status, 200);
    assertStrictPolicy('dev provider sign-out (no session)', autoSubmit);

    // Signed in at the provider: the sign-out question, then its confirmation page.
    const login = await devLoginPage(browser);
    await submitToCallback(browser, login.action('login'), { subject: 'APap35026' });
    const question = await read(await browser.fetch(`${t.baseUrl}/dev/idnot/session/end`));
    assert.equal(question.status, 200);
    assertStrictPolicy('dev provider sign-out question', question);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question.body);
    assert.ok(xsrf, 'the sign-out form carries its xsrf token');
    const confirm = /<form[^>]+action="([^"]+)"/.exec(question.body);
    assert.ok(confirm);
    const { res } = await browser.follow(new URL(confirm[1], t.baseUrl).href, { form: { xsrf: xsrf[1], logout: 'yes' } });
    const done = await read(res);
    assert.equal(done.status, 200);
    assertStrictPolicy('dev provider signed out', done);
  });
});
