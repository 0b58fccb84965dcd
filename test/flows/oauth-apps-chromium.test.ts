import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { demoOffice, secondDemoOffice } from '../../api/db/seed/catalogue.js';
import { seedDemoOffice } from '../../api/db/seed/seed.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.js';
import { exchangeCode, registerTestVendor, startAuthorization, type TestVendor } from '../support/oauth-vendor.js';
import { createIdentityTestApp, type IdentityTestApp } from '../support/test-app.js';

let t: IdentityTestApp;
let browser: Browser;
let vendor: TestVendor;
/** The vendor's own site, on another origin: the redirect URI it registered (http on loopback, for development). */
let vendorSite: Server;
let vendorCallback: string;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  await seedDemoOffice(t.db, await mkdtemp(path.join(tmpdir(), 'lecoffre-seed-')));
  vendorSite = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Rédacto</title><p>Rédacto : connecté</p>');
  });
  await new Promise<void>((resolve) => vendorSite.listen(0, '127.0.0.1', resolve));
  vendorCallback = `http://127.0.0.1:${(vendorSite.address() as AddressInfo).port}/oauth/callback`;
  vendor = await registerTestVendor(t, { redirectUris: [vendorCallback] });
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  vendorSite.closeAllConnections();
  await new Promise((resolve) => vendorSite.close(resolve));
  await t.close();
});

const officeId = async (crpcen: string) => (await t.db.models.Office.findOne({ where: { crpcen }, rejectOnEmpty: true })).id;

/**
 * A notary opens the vendor's authorization link in a fresh browser, signs in with ID.not (the dev provider)
 * as `person`, reads the consent screen and answers; returns the URL the browser was sent back to.
 */
async function consentInChromium(person: string, answer: 'Autoriser' | 'Refuser' | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const start = await startAuthorization(vendor, 'folders:read folders:create folders:write', vendorCallback);
  await page.goto(start.url.href);
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL(/\/oauth\/interaction\//);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not the DOM property; the rendered text is what the notary reads
  const text = await page.locator('body').innerText();
  if (answer) {
    await page.getByRole('button', { name: answer }).click();
    await page.getByText('Rédacto : connecté').waitFor();
  }
  assert.deepEqual(violations, []);
  const callback = answer ? new URL(page.url()) : null;
  await context.close();
  return { start, callback, text };
}

describe('two offices connect one app through the consent screen, in Chromium', () => {
  it('connects both offices; the app works on each with its token and is refused the other’s', async () => {
    const officeA = await officeId(demoOffice.crpcen);
    const officeB = await officeId(secondDemoOffice.crpcen);

    const a = await consentInChromium('Caroline Pallut', 'Autoriser');
    assert.match(a.text, /Rédacto demande l’accès à votre office/);
    assert.match(a.text, /Caroline Pallut, notaire de l’office SELAS AP NOTAIRES/);
    assert.match(a.text, /Consulter les dossiers de l’office/);
    assert.match(a.text, /Créer des dossiers/);
    assert.match(a.text, /Modifier, partager et archiver les dossiers/);
    assert.ok(a.callback, 'office A was sent back to the app');
    const tokensA = await exchangeCode(vendor, a.callback, a.start);

    const b = await consentInChromium('Vincent Villecourt', 'Autoriser');
    assert.ok(b.callback, 'office B was sent back to the app');
    const tokensB = await exchangeCode(vendor, b.callback, b.start);

    const meA = await t.request.get('/v1/me').set('Authorization', `Bearer ${tokensA.access_token}`).expect(200);
    const meB = await t.request.get('/v1/me').set('Authorization', `Bearer ${tokensB.access_token}`).expect(200);
    assert.equal(meA.body.office.id, officeA);
    assert.equal(meB.body.office.id, officeB);

    const create = (token: string, number: string) =>
      t.request.post('/v1/folders').set('Authorization', `Bearer ${token}`).send({ number, title: 'Vente', deedType: 'vente' }).expect(201);
    const folderA = (await create(tokensA.access_token, 'RED-A-1')).body.id as string;
    const folderB = (await create(tokensB.access_token, 'RED-B-1')).body.id as string;
    await t.request.get(`/v1/folders/${folderA}`).set('Authorization', `Bearer ${tokensA.access_token}`).expect(200);
    await t.request.get(`/v1/folders/${folderB}`).set('Authorization', `Bearer ${tokensB.access_token}`).expect(200);
    await t.request.get(`/v1/folders/${folderB}`).set('Authorization', `Bearer ${tokensA.access_token}`).expect(404);
    await t.request.get(`/v1/folders/${folderA}`).set('Authorization', `Bearer ${tokensB.access_token}`).expect(404);
    await t.request
      .patch(`/v1/folders/${folderB}`)
      .set('Authorization', `Bearer ${tokensA.access_token}`)
      .send({ title: 'Détournement' })
      .expect(404);
    const folder = await t.db.models.Folder.findByPk(folderB, { rejectOnEmpty: true });
    assert.equal(folder.title, 'Vente');
  });

  it('a collaborator cannot consent; a refusal goes back to the app as access_denied', async () => {
    const collaborator = await consentInChromium('Julien Moreau', null);
    assert.match(collaborator.text, /Seul un notaire de l’office, membre actif, peut connecter une application/);
    const refused = await consentInChromium('Caroline Pallut', 'Refuser');
    assert.equal(refused.callback?.searchParams.get('error'), 'access_denied');
    assert.equal(refused.callback?.searchParams.get('state'), refused.start.state);
  });
});
