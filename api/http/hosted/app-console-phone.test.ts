import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';
import { seedDemoOffice } from '../../db/seed/seed.js';
import { sessionCookieName } from './session-cookie.js';

let t: IdentityTestApp;
let browser: Browser;

before(async () => {
  t = await createIdentityTestApp({ listen: true });
  await seedDemoOffice(t.db, await mkdtemp(path.join(tmpdir(), 'lecoffre-seed-')));
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await t.close();
});

/** Signed in with the dev ID.not as Caroline Pallut; axe may be injected (the page's CSP is bypassed for it alone). */
async function signedIn(width: number): Promise<{ context: BrowserContext; page: Page; cookie: string }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${t.baseUrl}/app`);
  await page.getByRole('button', { name: 'Caroline Pallut' }).click();
  await page.waitForURL(`${t.baseUrl}/app`);
  await page.getByText('Caroline Pallut — SELAS AP NOTAIRES', { exact: false }).waitFor();
  const session = (await context.cookies()).find((cookie) => cookie.name === sessionCookieName(t.config));
  assert.ok(session);
  return { context, page, cookie: `${session.name}=${session.value}` };
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** The elements sticking out of the screen's width (through shadow roots): none, or the page scrolls sideways. */
const sticksOut = (page: Page) =>
  page.evaluate(() => {
    // No named inner function: tsx would wrap it in a helper the page does not have.
    const out: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width && box.right > window.innerWidth + 0.5)
          out.push(`${element.localName}.${element.className} ${Math.round(box.right)}`);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return document.documentElement.scrollWidth > window.innerWidth ? out : [];
  });

describe('/app on a phone and on a desktop', () => {
  it('on a 360 px phone: the list alone, then the folder alone with a way back, following the browser history', async () => {
    const { context, page, cookie } = await signedIn(360);
    const number = `TEL-${Date.now()}`;
    const created = await t.request
      .post('/v1/folders')
      .set('Cookie', cookie)
      .send({ number, title: 'Vente Durand', deedType: 'vente' })
      .expect(201);
    const folderId = created.body.id as string;
    const withClient = await t.request
      .post(`/v1/folders/${folderId}/clients`)
      .set('Cookie', cookie)
      .send({ client: { lastName: 'Durand', firstName: 'Anne', mobile: '06 11 22 33 44', email: `anne.${Date.now()}@example.fr` } })
      .expect(200);
    await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Cookie', cookie)
      .send({ clientId: withClient.body.client.id, documents: [{ label: 'Livret de famille' }, { label: 'RIB' }] })
      .expect(201);
    await page.reload();

    const list = page.locator('lecoffre-folder-list');
    const item = list.getByRole('button', { name: new RegExp(`${number} - Vente Durand`) });
    await item.waitFor();
    // Completion in the list item: "0/2" and a bar.
    assert.match((await item.locator('[data-completion]').textContent()) ?? '', /0\/2 validé/);
    // The folder area is not stacked under the list: nothing of it shows until a folder is chosen.
    assert.equal(await page.locator('main').isVisible(), false);
    // Tab labels on one line each.
    for (const tab of await list.getByRole('tab').all()) {
      const box = await tab.evaluate((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects().length;
      });
      assert.equal(box, 1, `${await tab.textContent()} wraps`);
    }
    assert.deepEqual(await sticksOut(page), []);
    assert.deepEqual(await axe(page), []);

    await item.click();
    await page.waitForURL(`${t.baseUrl}/app/dossiers/${folderId}`);
    const heading = page.getByRole('heading', { name: `${number} - Vente Durand` });
    await heading.waitFor();
    assert.equal(await list.isVisible(), false, 'the list is hidden while a folder is shown');
    const back = page.getByRole('button', { name: 'Retour aux dossiers' });
    assert.equal(await back.isVisible(), true);
    assert.deepEqual(await sticksOut(page), []);
    assert.deepEqual(await axe(page), []);

    await back.click();
    await page.waitForURL(`${t.baseUrl}/app`);
    await item.waitFor();
    assert.equal(await page.locator('main').isVisible(), false);
    // The browser's own buttons move between the two screens too.
    await page.goForward();
    await page.waitForURL(`${t.baseUrl}/app/dossiers/${folderId}`);
    await heading.waitFor();
    assert.equal(await list.isVisible(), false);
    await page.goBack();
    await item.waitFor();
    await context.close();
  });

  it('on a desktop: list and folder side by side, a real empty state, and the link to the connected apps', async () => {
    const { context, page } = await signedIn(1280);
    const empty = page.getByRole('region', { name: 'Aucun dossier ouvert' });
    await empty.waitFor();
    assert.match((await empty.textContent()) ?? '', /Choisissez un dossier dans la liste/);
    const apps = page.getByRole('link', { name: 'Applications connectées' });
    assert.equal(await apps.getAttribute('href'), '/app/applications');
    assert.equal(await page.locator('lecoffre-folder-list').isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Retour aux dossiers' }).count(), 0);
    assert.deepEqual(await axe(page), []);
    await empty.getByRole('button', { name: 'Créer un dossier' }).click();
    await page.waitForURL(`${t.baseUrl}/app/nouveau`);
    // The access choices are radio buttons of their own size, next to their words.
    const radio = page.locator('lecoffre-create-folder input[type="radio"]').first();
    const box = await radio.boundingBox();
    assert.ok(box && box.width < 30 && box.height < 30, `radio button of ${box?.width}×${box?.height} px`);
    const label = await page.locator('lecoffre-create-folder label.choice').first().boundingBox();
    assert.ok(label && box && box.x - label.x < 4, 'the radio button starts its line, its label right after it');
    await context.close();
  });
});
