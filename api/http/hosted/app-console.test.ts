import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../../../test/support/test-app.js';
import { seedDemoOffice } from '../../db/seed/seed.js';
import { APP_CONSOLE_CSP } from './app-console.js';
import { sessionCookieName } from './session-cookie.js';

let t: IdentityTestApp;
let browser: Browser | undefined;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  await seedDemoOffice(t.db, await mkdtemp(path.join(tmpdir(), 'lecoffre-seed-')));
});
after(async () => {
  await browser?.close();
  await t.close();
});

describe('/app, the hosted notary console (HTTP)', () => {
  it('sends a visitor without a session to the ID.not login, to come back to the same screen', async () => {
    const home = await t.request.get('/app').expect(303);
    assert.equal(home.headers.location, '/auth/idnot/login?returnTo=%2Fapp');
    const folder = await t.request.get('/app/dossiers/fld_01jd3k8q2v7x9m4t6w0c5b8n1r').expect(303);
    assert.equal(
      folder.headers.location,
      `/auth/idnot/login?returnTo=${encodeURIComponent('/app/dossiers/fld_01jd3k8q2v7x9m4t6w0c5b8n1r')}`,
    );
    assert.equal(folder.headers['cache-control'], 'no-store');
  });

  it('serves the page to a signed-in member under a strict CSP, with one external script and no inline one', async () => {
    const { token } = await createMemberSession(t.db, t.office.id);
    const cookie = `${sessionCookieName(t.config)}=${token}`;
    const res = await t.request.get('/app/nouveau').set('Cookie', cookie).expect(200);
    assert.equal(res.headers['content-security-policy'], APP_CONSOLE_CSP);
    assert.doesNotMatch(APP_CONSOLE_CSP, /unsafe-inline|unsafe-eval/);
    assert.match(res.text, /<script type="module" src="\/assets\/pages\/app-console.js"><\/script>/);
    assert.equal(res.text.match(/<script/g)?.length, 1);
    assert.match(res.text, /<html lang="fr">/);
    const english = await t.request.get('/app?lang=en').set('Cookie', cookie).expect(200);
    assert.match(english.text, /<html lang="en">/);
    // Unknown sub-paths are not the console (and not an open door for odd ids).
    await t.request.get('/app/dossiers/../../etc').set('Cookie', cookie).expect(404);
    await t.request.get('/app/dossiers/<script>').set('Cookie', cookie).expect(404);
  });

  it('has its script in the widget bundle', async () => {
    const res = await t.request.get('/assets/pages/app-console.js').expect(200);
    assert.match(res.headers['content-type'], /javascript/);
  });
});

describe('/app in a real browser', () => {
  it('signs in with ID.not, creates a folder, opens it, and goes back: with no CSP violation', async () => {
    browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => violations.push(String(error)));

    await page.goto(`${t.baseUrl}/app`);
    await page.getByRole('button', { name: 'Caroline Pallut' }).click();
    await page.waitForURL(`${t.baseUrl}/app`);
    await page.getByText('Caroline Pallut — SELAS AP NOTAIRES', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Créer un dossier' }).click();
    await page.waitForURL(`${t.baseUrl}/app/nouveau`);
    const number = `APP-${Date.now()}`;
    await page.getByLabel('Numéro de dossier').fill(number);
    await page.getByLabel('Intitulé du dossier').fill('Succession Michou');
    await page.getByLabel('Type d’acte').selectOption('succession');
    await page.getByRole('button', { name: 'Créer un dossier' }).last().click();

    await page.waitForURL(/\/app\/dossiers\/fld_[0-9a-z]{26}$/);
    await page.getByRole('heading', { name: `${number} - Succession Michou` }).waitFor();
    await page
      .locator('lecoffre-folder-list')
      .getByRole('button', { name: `${number} - Succession Michou` })
      .waitFor();
    assert.equal(
      await page
        .locator('lecoffre-folder-list')
        .getByRole('button', { name: `${number} - Succession Michou` })
        .getAttribute('aria-current'),
      'true',
    );

    await page.goBack();
    await page.waitForURL(`${t.baseUrl}/app/nouveau`);
    await page.getByLabel('Numéro de dossier').waitFor();
    assert.deepEqual(violations, []);
  });
});
