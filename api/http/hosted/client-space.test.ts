import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../test/support/chromium.js';
import { eventually } from '../../../test/support/patience.js';
import { createFolderWithClient, createIdentityTestApp, type IdentityTestApp } from '../../../test/support/test-app.js';

// The hosted client page: what the server sends (strict CSP, no inline script, the bundle), then the
// guide's client journey in a real Chromium on the page itself: e-mail -> SMS code -> password -> upload;
// sign out; e-mail + password.

let t: IdentityTestApp;
let browser: Browser;
before(async () => {
  t = await createIdentityTestApp({ listen: true });
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await t.close();
});

async function smsCode(mobile: string, after = 0): Promise<string> {
  return eventually(`an SMS to ${mobile} in the outbox`, async () => {
    const res = await t.request.get(`/dev/outbox?to=${encodeURIComponent(mobile)}`).expect(200);
    const messages = res.body.data as Array<{ kind: string; text: string }>;
    return messages.length > after ? /code de connexion est (\d{6})\./.exec(messages[0].text)?.[1] : undefined;
  });
}

/** The one expected refusal: before signing in, `/v1/me` answers 401 (the browser logs it). */
const notSignedInYet = (problem: string) => problem.includes('status of 401') && problem.endsWith('/v1/me)');

/** Opens a page that records every script error, CSP refusal and failed load. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  await page.goto(`${t.baseUrl}${path}`);
  return { page, problems };
}

describe('/espace-client (server)', () => {
  it('sends the page with a strict CSP and no inline script', async () => {
    const res = await t.request.get('/espace-client').expect(200).expect('content-type', /html/);
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, ['<script type="module" src="/assets/pages/client-space.js">']);
    assert.doesNotMatch(res.text, /\son\w+=/, 'no inline event handler');
    assert.match(res.text, /<lecoffre-client-space lang="fr" max-file-size="\d+">/);
  });

  it('opens the folder and request of an e-mail link, and refuses malformed ids', async () => {
    const folderId = 'fld_01m8cgy3k52yntbnymnkdsatmh';
    const requestId = 'req_01m8cgy3w519p5m47k12hj2g1g';
    const res = await t.request.get(`/espace-client/dossiers/${folderId}/demandes/${requestId}`).expect(200);
    assert.match(res.text, new RegExp(`folder-id="${folderId}" request-id="${requestId}"`));
    await t.request.get('/espace-client/dossiers/%22%3E%3Cscript%3E').expect(404);
  });

  it('serves the page script and every chunk it imports, as JavaScript', async () => {
    const res = await t.request
      .get('/assets/pages/client-space.js')
      .expect(200)
      .expect('content-type', /javascript/);
    const imports = [...res.text.matchAll(/from"\.\.\/(chunks\/[\w-]+\.js)"/g)].map((match) => match[1]);
    assert.ok(imports.length > 0, 'the page shares chunks with the widgets bundle');
    for (const chunk of imports) {
      const chunkRes = await t.request.get(`/assets/${chunk}`).expect(200);
      assert.match(chunkRes.headers['cache-control'], /immutable/);
    }
    const widgets = await t.request.get('/assets/lecoffre-widgets.js').expect(200);
    assert.equal(widgets.headers['cache-control'], 'no-cache');
    await t.request.get('/assets/nothing-here.js').expect(404);
  });
});

describe('/espace-client (in Chromium)', () => {
  it('plays the guide: e-mail, SMS code, password, upload; then e-mail and password', async () => {
    const { folderId, clientId, email, mobile } = await createFolderWithClient(t.db, t.office.id, {
      firstName: 'Estelle',
      lastName: 'Graglia',
    });
    const created = await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', t.office.auth)
      .send({ clientId, documents: [{ label: "Carte Nationale d'Identité recto-verso" }] })
      .expect(201);
    const requestId = created.body.data[0].id as string;

    const { page, problems } = await openPage(`/espace-client/dossiers/${folderId}/demandes/${requestId}`);
    await page.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByLabel('Code à usage unique').fill(await smsCode(mobile));
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByRole('heading', { name: 'Configurez votre mot de passe' }).waitFor();
    await page.getByLabel('Mot de passe', { exact: false }).first().fill('Notaire-2024x');
    await page.getByLabel('Confirmation du mot de passe').fill('Notaire-2024x');
    await page.getByRole('button', { name: 'Valider' }).click();

    await page.getByText('Bonjour Estelle Graglia').waitFor();
    // The header names the client's office, not only the product.
    await page.locator('lecoffre-client-space header .office').getByText('SELAS AP NOTAIRES').waitFor();
    // The e-mail's link pointed at this request: its button has the focus.
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('aria-label');
    });
    assert.equal(focused, "Ajouter un document : Carte Nationale d'Identité recto-verso");
    const card = page.locator(`lecoffre-upload [data-request-id="${requestId}"]`);
    await card
      .locator('input[type="file"]')
      .setInputFiles({ name: 'cni.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await card.getByText('Envoyé, en vérification').first().waitFor();
    const files = await t.request.get(`/v1/folders/${folderId}/document-requests`).set('Authorization', t.office.auth).expect(200);
    assert.equal(files.body.data[0].files[0].sha256Source, 'client');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Suivant' }).click();
    // This browser remembers a password was set: no SMS spent this time.
    await page.getByRole('heading', { name: 'Saisissez votre mot de passe' }).waitFor();
    await page.getByLabel('Mot de passe').fill('Notaire-2024x');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Bonjour Estelle Graglia').waitFor();

    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'no sideways scroll at 360 px');
    assert.deepEqual(
      problems.filter((problem) => !notSignedInYet(problem)),
      [],
    );
    await page.close();
  });

  it('checks the fields itself, in French even in an English browser, beside the field and announced', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/espace-client`);
    await page.getByRole('heading', { name: 'Identifiez-vous' }).waitFor();
    assert.equal(
      await page
        .locator('lecoffre-client-space header')
        .textContent()
        .then((text) => text?.trim()),
      'LeCoffre',
    );
    await page.getByRole('button', { name: 'Suivant' }).click();
    const email = page.locator('lecoffre-client-space input[name="email"]');
    await page.locator('#email-error').getByText('Saisissez votre adresse e-mail.').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(
      await email.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement),
      true,
      'the field has the focus',
    );
    // Its accessible description is our message (what a screen reader reads on focus), not the browser's bubble.
    assert.equal(
      await email.evaluate((node) => (node as HTMLInputElement).validationMessage !== '' && node.closest('form')?.noValidate),
      true,
    );
    await email.fill('estelle-sans-arobase');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.locator('#email-error').getByText('Cette adresse e-mail n’est pas valide', { exact: false }).waitFor();
    await context.close();
  });

  it('shows a wrong code in French and lets the client try again', async () => {
    const { email, mobile } = await createFolderWithClient(t.db, t.office.id);
    const { page, problems } = await openPage('/espace-client');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Suivant' }).click();
    const code = await smsCode(mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Code à usage unique').fill(wrong);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('alert').getByText('Ce code est incorrect.').waitFor();
    await page.getByLabel('Code à usage unique').fill(code);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Configurez votre mot de passe' }).waitFor();
    // The browser logs the refused call (422) itself; nothing else may go wrong.
    assert.deepEqual(
      problems.filter((problem) => !notSignedInYet(problem) && !(problem.includes('status of 422') && problem.endsWith('/verify)'))),
      [],
    );
    await page.close();
  });

  it('has no wcag2a/wcag2aa violations on the sign-in steps (axe-core)', async () => {
    const { email } = await createFolderWithClient(t.db, t.office.id);
    // axe is injected as an inline script: this page alone runs without its CSP.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/espace-client`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const audit = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
        return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
    assert.deepEqual(await audit(), []);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Code à usage unique').fill('12');
    assert.deepEqual(await audit(), []);
    await page.getByRole('button', { name: 'J’ai déjà un mot de passe' }).click();
    await page.getByLabel('Mot de passe').fill('faux');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    assert.deepEqual(await audit(), []);
    await context.close();
  });
});
