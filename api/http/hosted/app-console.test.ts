import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { createIdentityTestApp, createMemberSession, type IdentityTestApp } from '../../../test/support/test-app.js';
import { seedDemoOffice } from '../../db/seed/seed.js';
import { contentSecurityPolicy } from '../content-security-policy.js';
import { sessionCookieName } from './session-cookie.js';

const TINY_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

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
    assert.equal(res.headers['content-security-policy'], contentSecurityPolicy.appConsole);
    assert.doesNotMatch(contentSecurityPolicy.appConsole, /unsafe-inline|unsafe-eval/);
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

    // The list's button (the home screen's empty state offers the same action).
    await page.locator('lecoffre-folder-list').getByRole('button', { name: 'Créer un dossier' }).click();
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

    // A client's PDF, sent with the same session (as staff may), then reviewed in the viewer: the preview is
    // a blob: frame, which the CSP must let in.
    const folderPath = new URL(page.url()).pathname;
    const folderId = folderPath.split('/').at(-1) as string;
    const session = (await page.context().cookies()).find((cookie) => cookie.name === sessionCookieName(t.config));
    assert.ok(session, 'the ID.not login left a session cookie');
    const cookie = `${session.name}=${session.value}`;
    const withClient = await t.request
      .post(`/v1/folders/${folderId}/clients`)
      .set('Cookie', cookie)
      .send({ client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: `claire.${Date.now()}@example.fr` } })
      .expect(200);
    const requests = await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Cookie', cookie)
      .send({ clientId: withClient.body.client.id, documents: [{ label: 'Livret de famille' }] })
      .expect(201);
    await t.request
      .post(`/v1/document-requests/${requests.body.data[0].id}/files`)
      .set('Cookie', cookie)
      .attach('file', Buffer.from(TINY_PDF), { filename: 'livret.pdf' })
      .expect(201);
    await page.reload();
    await page.getByRole('button', { name: /Ouvrir Livret de famille — livret.pdf/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Document : livret.pdf' });
    await viewer.locator('iframe[src^="blob:"]').waitFor();
    await viewer.getByRole('button', { name: 'Valider' }).click();
    await viewer.getByRole('button', { name: 'Télécharger' }).waitFor();
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await page
      .locator('lecoffre-folder')
      .getByRole('progressbar', { name: 'Complétion du dossier', exact: true })
      .and(page.locator('[aria-valuenow="100"]'))
      .waitFor();

    await page.goBack();
    await page.waitForURL(`${t.baseUrl}/app/nouveau`);
    await page.getByLabel('Numéro de dossier').waitFor();
    assert.deepEqual(violations, []);
  });

  it('"Réglages de l’office": a notary sets the office’s time zone; a collaborator sees it, unchangeable', async () => {
    browser ??= await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(`${t.baseUrl}/app`);
    await page.getByRole('button', { name: 'Caroline Pallut' }).click();
    await page.getByRole('link', { name: 'Réglages de l’office' }).click();
    await page.waitForURL(`${t.baseUrl}/app/office`);
    const zone = page.getByLabel('Fuseau horaire de l’office');
    assert.equal(await zone.inputValue(), 'Europe/Paris');
    await zone.selectOption({ label: 'La Réunion' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Fuseau horaire enregistré.').waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('Fuseau horaire de l’office').inputValue(), 'Indian/Reunion');
    const office = await t.db.models.Office.findOne({ where: { crpcen: '35026' } });
    assert.equal(office?.timeZone, 'Indian/Reunion');

    const { token } = await createMemberSession(t.db, office?.id as string, { role: 'collaborator' });
    const colleague = await browser.newContext();
    await colleague.addCookies([{ name: sessionCookieName(t.config), value: token, url: t.baseUrl }]);
    const theirs = await colleague.newPage();
    await theirs.goto(`${t.baseUrl}/app/office`);
    await theirs.getByText('Seul un notaire de l’office peut le changer.').waitFor();
    assert.equal(await theirs.getByLabel('Fuseau horaire de l’office').isDisabled(), true);
    await colleague.close();
    await office?.update({ timeZone: 'Europe/Paris' });
    await page.close();
  });
});
