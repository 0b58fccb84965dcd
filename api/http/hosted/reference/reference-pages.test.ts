import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../../test/support/chromium.js';
import { patience } from '../../../../test/support/patience.js';
import { createIdentityTestApp, type IdentityTestApp } from '../../../../test/support/test-app.js';

// The pages the strict policy could break without a test noticing from the headers alone: /docs (Redoc,
// a large third-party script that injects its styles) and the pages that used to carry inline styles. Each is opened in a real
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
async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  // Redoc parses 1 MB of script and draws the whole spec at once: slow on a busy machine.
  page.setDefaultTimeout(patience(30_000));
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
  for (const width of [1280, 360]) {
    it(`draws the reference (Redoc) from /openapi.json at ${width} px, its styles under the nonce, with no CSP violation`, async () => {
      const { page, problems } = await open('/docs', { width, height: 800 });
      await page.locator('body[data-reference=ready]').waitFor();
      // An operation's summary, drawn as its section's heading, and Redoc's styles applied to it (the
      // injected <style> elements were accepted: a refused one leaves the browser's default font).
      const heading = page.locator('h2', { hasText: 'Create a folder' });
      await heading.scrollIntoViewIfNeeded();
      await heading.waitFor({ state: 'visible' });
      assert.match(await heading.evaluate((element) => getComputedStyle(element).fontFamily), /Montserrat/);
      const nonces = await page.locator('style').evaluateAll((styles) => styles.map((style) => (style as HTMLStyleElement).nonce));
      assert.ok(nonces.length > 0 && nonces.every((nonce) => (nonce ?? '').length >= 22), 'every injected <style> carries the nonce');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('searches the operations on the page and links the guides', async () => {
    const { page, problems } = await open('/docs/');
    await page.locator('body[data-reference=ready]').waitFor();
    // The index is built on the page (no blob: worker, which the policy refuses: reference-bundle.ts).
    await page.getByPlaceholder('Search...').fill('anchor');
    await page.locator('[data-role="search:results"]').getByRole('menuitem', { name: 'Anchor a folder' }).waitFor();

    await page.getByRole('navigation', { name: 'Guides' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/docs\/guides\/webhooks$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('names a new nonce in each answer of the page', async () => {
    const styleNonce = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    const [first, second] = await Promise.all([fetch(`${t.baseUrl}/docs`), fetch(`${t.baseUrl}/docs`)]);
    const [a, b] = [styleNonce(first.headers.get('content-security-policy')), styleNonce(second.headers.get('content-security-policy'))];
    assert.ok(a && b && a !== b, `two answers, two nonces (${a}, ${b})`);
    assert.ok((await first.text()).includes(`nonce="${a}"`), "the page carries its own answer's nonce");
    await second.text();
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
