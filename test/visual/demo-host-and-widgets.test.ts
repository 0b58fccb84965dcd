/**
 * Pictures of the demo drafting software (deeds list, a deed page embedding <lecoffre-folder>, the webhook
 * inbox) and of the two widgets on a plain host page: loading, error, loaded, and after an upload in
 * <lecoffre-upload> has reached <lecoffre-folder> live (see test/visual/README.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { connectOffice, pumpWebhooks as pumpDemoWebhooks, startDemoHost } from '../../demo-host/demo-host.test-support.js';
import { eventually } from '../support/patience.js';
import { Captures } from './support/capture.js';
import { memberOf, openScene, type Scene } from './support/scene.js';
import { ID_CARD, PDF, type SeededFolder, seedOffice, TAX_NOTICE } from './support/seed.js';

let scene: Scene;
let demoUrl: string;
let hostPage: Server | undefined;
const servers: Server[] = [];
let folders: { review: SeededFolder; anchored: SeededFolder; fresh: SeededFolder };
let appDir: string;

before(async () => {
  scene = await openScene({ LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' });
  folders = await seedOffice(scene);
  appDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-visual-demo-app-'));
  const host = await startDemoHost(scene.t, { appDir, servers });
  demoUrl = host.url;
  // The office connects the demo (its notary's consent), as a vendor's first customer would.
  await connectOffice(scene.t, host, scene.officeId);
});
after(async () => {
  for (const server of [...servers, hostPage]) server?.closeAllConnections();
  await new Promise<void>((resolve) => (hostPage ? hostPage.close(() => resolve()) : resolve()));
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  await scene?.close();
  await rm(appDir, { recursive: true, force: true });
});

const pumpWebhooks = () => pumpDemoWebhooks(scene.t);

async function createDeed(page: Page, title: string, type: string): Promise<string> {
  await page.goto(demoUrl);
  await page.getByLabel('Intitulé').fill(title);
  await page.getByLabel('Type d’acte').selectOption(type);
  await page.getByRole('button', { name: 'Créer l’acte' }).click();
  await page.waitForURL(/\/actes\//);
  // The demo names the deed itself and hides the widget's own heading: wait for it rendered, not shown.
  await page.locator('lecoffre-folder header[part=header] h2').waitFor({ state: 'attached' });
  return (await page.locator('lecoffre-folder').getAttribute('folder-id')) as string;
}

describe('screenshots of the demo drafting software and of the widgets on a plain page', () => {
  it('deeds list, deed page with <lecoffre-folder>, webhook inbox', async () => {
    const shots = new Captures();
    const page = await scene.page(1280);
    await createDeed(page, 'Vente Martin / Bernard', 'vente');
    const folderId = await createDeed(page, 'Succession Mme Michou', 'succession');
    const added = await scene.call<{ client: { id: string } }>('POST', `/v1/folders/${folderId}/clients`, {
      client: { firstName: 'Claire', lastName: 'Michou', email: 'claire.michou.demo@example.fr', mobile: '06 26 59 72 92' },
    });
    await scene.call('POST', `/v1/folders/${folderId}/document-requests`, {
      clientId: added.client.id,
      documents: [{ label: ID_CARD }],
    });
    await eventually('the webhooks delivered to the demo host', async () => {
      await pumpWebhooks();
      const res = await fetch(`${demoUrl}/webhooks.json?folderId=${folderId}`);
      return ((await res.json()) as unknown[]).length >= 3;
    });
    const deedUrl = page.url();

    // The deed page's script re-reads the webhooks now and then and writes their reception times anew
    // (after settle.ts froze the text): their reception time is fixed at the source instead.
    await page.route(
      (url) => url.origin === demoUrl && url.pathname === '/webhooks.json',
      async (route) => {
        const answer = await route.fetch();
        const webhooks = (await answer.json()) as Array<{ receivedAt: string }>;
        const fixed = webhooks.map((webhook) => ({ ...webhook, receivedAt: '2026-03-12T08:30:00.000Z' }));
        await route.fulfill({ response: answer, json: fixed });
      },
    );
    await page.goto(demoUrl);
    await shots.shoot(page, 'demo-deeds-table');
    await page.goto(deedUrl);
    await page.locator('lecoffre-folder lecoffre-folder-client').first().waitFor();
    await page.locator('#folder-webhooks li').first().waitFor();
    // "← Actes": Inter's npm subsets have no U+2190, so Chromium draws the arrow in a system font.
    await shots.shoot(page, 'demo-deed-page-title-once-no-blank-webhook-times', {
      knownFallbacks: ['← Actes'],
      mask: (p) => [p.locator('main a[href="/"]')],
    });
    await page.goto(`${demoUrl}/webhooks`);
    await page.locator('li[data-type="document.requested"]').first().waitFor();
    await shots.shoot(page, 'demo-webhook-inbox-times');
    shots.assertClean();
  });

  it('<lecoffre-folder> and <lecoffre-upload> on a plain page: loading, error, loaded, after an upload', async () => {
    const shots = new Captures();
    const folder = folders.review;
    const member = await memberOf(scene, 'c.pallut.35026@notaires.fr');
    const mint = async (body: object) =>
      (await scene.call<{ token: string }>('POST', '/v1/widget-sessions', { ...body, expiresInMinutes: 60 })).token;
    const notaryToken = await mint({
      memberId: member.kind === 'member' ? member.memberId : '',
      folderId: folder.id,
      components: ['folder'],
    });
    const clientToken = await mint({ clientId: folder.clientId, folderId: folder.id, components: ['upload'] });
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Page hôte des widgets</title>
<script type="module" src="${scene.t.baseUrl}/assets/lecoffre-widgets.js"></script></head>
<body><main><h1>Page hôte</h1>
<lecoffre-folder lang="fr" folder-id="${folder.id}" token="${notaryToken}" base-url="${scene.t.baseUrl}"></lecoffre-folder>
<lecoffre-upload lang="fr" folder-id="${folder.id}" token="${clientToken}" base-url="${scene.t.baseUrl}"></lecoffre-upload>
</main></body></html>`;
    // A vendor's plain page, served over real HTTP on loopback like the API (Chromium refuses a page that
    // does not come from the network the right to call loopback).
    hostPage = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => hostPage?.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(hostPage.address() as AddressInfo).port}`;
    const open = async (apiAnswers?: (route: Route) => Promise<void> | void) => {
      const page = await scene.page(360);
      if (apiAnswers) await page.route((url) => url.origin === scene.t.baseUrl && url.pathname === `/v1/folders/${folder.id}`, apiAnswers);
      page.on('request', (request) => seen.push(request.url()));
      page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
      page.on('console', (message) => seen.push(`console: ${message.text()}`));
      await page.goto(`${host}/`);
      return page;
    };

    // Loading: the folder's first read is held (both widgets wait on it or on their own).
    const seen: string[] = [];
    const held: Route[] = [];
    const loading = await open((route) => {
      held.push(route);
    });
    await eventually('the folder read', () => held.length > 0, { limitMs: 20_000 }).catch((error: Error) => {
      throw new Error(`${error.message}; requests: ${seen.join(', ')}`);
    });
    await shots.shoot(loading, 'widgets-loading', { held: /\/v1\/folders\/[^/]+$/ });

    const failing = await open((route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service indisponible', status: 503, code: 'database_unavailable' }),
      }),
    );
    await failing.locator('lecoffre-folder [role=alert]').first().waitFor();
    await shots.shoot(failing, 'widgets-error');

    const page = await open();
    const card = page.locator('lecoffre-upload article[data-request-id]').filter({ hasText: TAX_NOTICE });
    await card.waitFor();
    await page.locator('lecoffre-folder lecoffre-folder-client').first().waitFor();
    await shots.shoot(page, 'widgets-folder-and-upload-loaded');
    await card.locator('input[type=file]').setInputFiles({ name: 'avis-imposition.pdf', mimeType: 'application/pdf', buffer: PDF });
    await card.locator('li[data-file-id]').filter({ hasText: 'avis-imposition.pdf' }).waitFor();
    await page
      .locator('lecoffre-folder li[data-file-id] button.file')
      .filter({ hasText: TAX_NOTICE })
      .filter({ hasText: 'À valider' })
      .first()
      .waitFor();
    await shots.shoot(page, 'widgets-two-on-one-page-after-upload');
    shots.assertClean();
  });
});
