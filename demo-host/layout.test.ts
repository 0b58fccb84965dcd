// The demo host in a real Chromium: two offices' notaries connect it through LeCoffre's consent screen, then
// its pages as a notary on a phone sees them: nothing wider than the screen, the deed named once, no blank
// panel, and every time in the office's zone whatever the browser's.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { seedDemoOffice } from '../api/db/seed/seed.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.js';
import { patience } from '../test/support/patience.js';
import { createIdentityTestApp, type IdentityTestApp } from '../test/support/test-app.js';
import { pumpWebhooks, type RunningHost, startDemoHost } from './demo-host.test-support.js';

let t: IdentityTestApp;
let browser: Browser;
let host: RunningHost;
const servers: Server[] = [];
const dirs: string[] = [];

before(async () => {
  t = await createIdentityTestApp({ listen: true, env: { LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' } });
  for (let i = 0; i < 3; i++) dirs.push(await mkdtemp(path.join(tmpdir(), 'lecoffre-demo-layout-')));
  const [seedDir, appDir, dataDir] = dirs as [string, string, string];
  await seedDemoOffice(t.db, seedDir);
  host = await startDemoHost(t, { appDir, dataDir, servers });
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await t?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A phone in UTC: the browser's zone is not the office's (Paris), which a wrong time would show. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'UTC', locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(patience(15_000));
  return page;
}

const widthOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * What sticks out past the screen's right edge (light DOM and the elements' shadow roots), to say why. A
 * string: tsx would wrap a named inner function with a helper the page does not have.
 */
const wideElements = (page: Page, shadows: boolean) =>
  page.evaluate<string>(`(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(box.width) + 'px');
      if (${shadows} && el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out.slice(0, 12).join(', ');
})()`);

describe('the demo host connected by two offices, in Chromium', () => {
  it('each office’s notary connects it through LeCoffre’s consent screen; the deeds list names both', async () => {
    for (const [person, office] of [
      ['Caroline Pallut', 'SELAS AP NOTAIRES'],
      ['Vincent Villecourt', 'SCP CAROLINE BRISSON ET VINCENT VILLECOURT'],
    ] as const) {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      page.setDefaultTimeout(patience(15_000));
      await page.goto(`${host.url}/`);
      await page.getByRole('link', { name: 'Connecter un office' }).click();
      // LeCoffre's side: ID.not sign-in (the dev provider), then the consent screen naming the app.
      await page.getByRole('button', { name: person }).click();
      await page.getByText('Logiciel de rédaction — démo demande l’accès à votre office').waitFor();
      await page.getByRole('button', { name: 'Autoriser' }).click();
      await page.waitForURL(`${host.url}/?notice=connected`);
      await page.locator('.office-list li').filter({ hasText: office }).waitFor();
      await context.close();
    }
  });
});

describe('demo host pages at 360 px', () => {
  it('the deeds list fits the screen', async () => {
    const page = await phone();
    await page.goto(`${host.url}/`);
    await page.getByRole('heading', { name: 'Actes en cours' }).waitFor();
    assert.ok(
      (await widthOverflow(page)) <= 0,
      `the page is ${await widthOverflow(page)} px wider than the screen: ${await wideElements(page, false)}`,
    );
    // Every deed is still there, readable: number, title link, type, office (each office has its sample deeds).
    assert.equal(await page.getByRole('link', { name: 'Vente Martin / Durand' }).count(), 2);
    await page.context().close();
  });

  it('the deed page names the deed once, has no blank panel, and shows a webhook at the same time as /webhooks', async () => {
    const page = await phone();
    await page.goto(`${host.url}/`);
    await page.locator('tr', { hasText: 'SELAS AP NOTAIRES' }).getByRole('link', { name: 'Vente Martin / Durand' }).click();
    const folderId = (await page.locator('[data-folder-id]').getAttribute('data-folder-id')) as string;
    // The folder's first webhook reaches the demo host's inbox.
    await pumpWebhooks(t);
    const entry = page.locator('#folder-webhooks li[data-webhook-type="folder.created"]');
    await entry.waitFor();
    // The element rendered its folder (its sections), so its own heading would show by now.
    await page.locator('lecoffre-folder section').first().waitFor();

    assert.equal(await page.locator('h1').count(), 1, 'one h1');
    assert.equal(await page.getByRole('heading', { name: /Vente Martin \/ Durand/ }).count(), 1, 'the deed is named once');
    // The page fits, the element's insides included, with a field's editor open too.
    assert.equal(await wideElements(page, true), '', 'the deed page fits the screen');
    await page
      .locator('lecoffre-folder')
      .getByRole('button', { name: /^Modifier : Intitulé/ })
      .click();
    await page.locator('lecoffre-folder').getByRole('textbox', { name: 'Intitulé du dossier', exact: true }).waitFor();
    assert.equal(await wideElements(page, true), '', 'the deed page fits the screen with an editor open');
    const blank = await page.evaluate(() => {
      const side = document.querySelector('aside.side') as HTMLElement;
      const last = side.lastElementChild as HTMLElement;
      return side.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom;
    });
    assert.ok(blank < 48, `the side panel ends ${blank} px below its content`);

    const shownHere = /\d{2}:\d{2}:\d{2}/.exec((await entry.textContent()) ?? '')?.[0];
    await page.goto(`${host.url}/webhooks`);
    const listed = page
      .locator('li[data-type="folder.created"]')
      .filter({ hasText: 'R-2025-001' })
      .filter({ hasText: 'SELAS AP NOTAIRES' });
    const shownThere = /\d{2}:\d{2}:\d{2}/.exec((await listed.first().textContent()) ?? '')?.[0];
    assert.ok(shownHere && shownThere);
    assert.equal(shownHere, shownThere, `folder ${folderId}: one webhook, one time`);
    assert.ok((await widthOverflow(page)) <= 0, 'the webhooks page fits the screen');
    await page.context().close();
  });
});
