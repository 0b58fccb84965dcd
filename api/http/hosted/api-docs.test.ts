import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';

// The pages the strict policy could break without a test noticing from the headers alone: /docs (Swagger UI,
// a large third-party script) and the pages that used to carry inline styles. Each is opened in a real
// Chromium that reports every CSP refusal, script error and failed load.

let t: IdentityTestApp;
let browser: Browser;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await t?.close();
});

/** Opens `path` in a fresh page; `problems` collects what the browser complained about, CSP refusals first. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => problems.push(`CSP: ${violation}`));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) =>
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico on its own; the plain pages have none.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${t.baseUrl}${path}`);
  assert.ok(response?.ok(), `${path}: ${response?.status()}`);
  return { page, problems };
}

/** The page's stylesheet was applied (not refused): its font is the one our CSS names. */
const fontOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).fontFamily);

describe('/docs in a real browser', () => {
  it('renders the API reference from /openapi.json with no CSP violation', async () => {
    const { page, problems } = await open('/docs/');
    await page.locator('.info .title').filter({ hasText: 'LeCoffre API' }).waitFor();
    const operations = page.locator('.opblock');
    await operations.first().waitFor();
    assert.ok((await operations.count()) > 20, 'the operations of the spec are listed');

    // An operation opened, then tried: its parameters, schemas and a call to the API from the page.
    const me = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/v1/me"]') });
    await me.locator('.opblock-summary').click();
    await me.locator('.opblock-body').waitFor();
    await me.getByRole('button', { name: 'Try it out' }).click();
    await me.getByRole('button', { name: 'Execute' }).click();
    await me.locator('.live-responses-table').waitFor();
    // The call itself answers 401 (no credentials): the one expected complaint.
    const unexpected = problems.filter((p) => !(p.includes('401') && p.includes('/v1/me')));
    assert.deepEqual(unexpected, []);
    await page.close();
  });

  it('answers /docs without the slash too', async () => {
    const { page, problems } = await open('/docs');
    await page.locator('.opblock').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('the plain pages in a real browser', () => {
  it('styles the logged-out page and the dev outbox from their stylesheet, with no CSP violation', async () => {
    for (const path of ['/auth/logged-out', '/dev/outbox']) {
      const { page, problems } = await open(path);
      assert.match(await fontOf(page, 'body'), /system-ui/, path);
      assert.deepEqual(problems, [], path);
      await page.close();
    }
  });

  it('styles the dev identity provider login page and signs out there, with no CSP violation', async () => {
    const { page, problems } = await open('/auth/idnot/login');
    assert.match(page.url(), /\/dev\/idnot\/interaction\//);
    assert.match(await fontOf(page, 'body'), /system-ui/);
    assert.notEqual(await page.locator('.warning').evaluate((element) => getComputedStyle(element).backgroundColor), 'rgba(0, 0, 0, 0)');

    // The provider's sign-out without a session: its self-submitting form runs under the page's hash.
    await page.goto(`${t.baseUrl}/dev/idnot/session/end`);
    await page.getByRole('heading', { name: 'Déconnecté d’ID.not (développement)' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
