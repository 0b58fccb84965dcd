import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { formatDate } from '../core/i18n.js';
import { officeApi, waitFor } from '../core/test-fixtures.js';
import '../upload/upload.js';
import {
  buttonNamed,
  clientCard,
  deepQuery,
  deepQueryAll,
  deepText,
  mountFolder,
  openDialog,
  requestsFromApi,
  uploadAsClient,
} from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;
declare function afterEach(body: () => Promise<void>): void;

/** How many lines a node's text takes on screen. */
function lines(node: Node): number {
  const range = document.createRange();
  range.selectNodeContents(node);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('<lecoffre-folder> layout', () => {
  it('keeps each pencil beside its value, an e-mail whole, "Ajouter un client" inside a card, neutral wording', async function () {
    // The first test of the file also waits for the API to start.
    this.timeout(40_000);
    await setViewport({ width: 360, height: 740 });
    const { el, folder } = await mountFolder();
    await officeApi('PATCH', `/v1/folders/${folder.folderId}`, {
      title: 'Succession de Madame Marie-Christine Dupont-Lagarde, née Martin, et partage des biens',
    });
    await el.refresh();
    for (const field of deepQueryAll(el, 'lecoffre-folder-field')) {
      const pencil = field.shadowRoot?.querySelector('button.icon');
      const value = field.shadowRoot?.querySelector('.value');
      if (!pencil || !value) continue;
      const [p, v] = [pencil.getBoundingClientRect(), value.getBoundingClientRect()];
      expect(p.left, `${deepText(field)}: pencil right of the value`).to.be.at.least(v.right - 1);
      expect(p.top, `${deepText(field)}: pencil on the value's first line`).to.be.at.most(v.top + 4);
    }
    await setViewport({ width: 1280, height: 800 });
    // A card narrower than the address may break it, but only at the "@": each side stays whole.
    const email = deepQuery(clientCard(el), '.email') as HTMLElement;
    const sides = [...email.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
    expect(sides.map((side) => side.textContent).join('')).to.contain('@');
    for (const side of sides) expect(lines(side), `"${side.textContent}" on one line`).to.equal(1);

    const add = buttonNamed(el, 'Ajouter un client +') as HTMLButtonElement;
    const card = add.closest('.card') as HTMLElement;
    expect(card, 'the button sits in a card').to.not.equal(null);
    const [b, c] = [add.getBoundingClientRect(), card.getBoundingClientRect()];
    expect(b.left >= c.left && b.right <= c.right && b.top >= c.top && b.bottom <= c.bottom).to.equal(true);

    const text = deepText(el);
    expect(text).to.contain('Le dossier peut être archivé sans ancrage');
    expect(text).not.to.match(/\bJe peux\b/);
  });

  it('fits the narrowest phones (320 px) with each field’s editor open (text, list of deed types, note)', async function () {
    this.timeout(20_000);
    await setViewport({ width: 320, height: 740 });
    const { el } = await mountFolder();
    /** Every element of the folder's shadow trees that ends past the screen's right edge. */
    const wide = () =>
      deepQueryAll(el, '*')
        .filter((node) => node.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((node) => `${node.tagName.toLowerCase()}#${node.id} ${Math.round(node.getBoundingClientRect().width)} px`);
    let opened = 0;
    for (const field of deepQueryAll(el, 'lecoffre-folder-field')) {
      const root = field.shadowRoot as ShadowRoot;
      const pencil = root.querySelector<HTMLButtonElement>('button.icon');
      if (!pencil) continue;
      pencil.click();
      const editor = await waitFor(() => root.querySelector<HTMLElement>('[name="value"]'), 'the editor');
      const name = `${editor.tagName.toLowerCase()} of "${deepText(root.querySelector('.label') as HTMLElement)}"`;
      expect(wide(), name).to.deep.equal([]);
      (root.querySelector('form button[type="button"]') as HTMLButtonElement).click();
      await waitFor(() => !root.querySelector('form'), 'the editor closed');
      opened++;
    }
    expect(opened, 'title, number, deed type and note editors').to.be.at.least(4);
  });

  it('opens the viewer at its top on a phone, its title in sight, with touch-sized buttons', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl } = await mountFolder({ requests: ['Livret de famille'] });
    await uploadAsClient(baseUrl, folder, 0, 'livret.pdf');
    await el.refresh();
    await setViewport({ width: 360, height: 640 });
    const open = await waitFor(() => buttonNamed(clientCard(el), /livret\.pdf/), 'the file to review');
    open.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-viewer'), 'the viewer');
    await waitFor(() => dialog.querySelector('iframe, img, .error'), 'the preview');
    const title = dialog.querySelector('#dialog-title') as HTMLElement;
    await waitFor(
      () => dialog.scrollTop === 0 && title.getBoundingClientRect().top >= dialog.getBoundingClientRect().top,
      'the title in sight',
    );
    expect(title.getBoundingClientRect().bottom).to.be.at.most(640);
    for (const button of dialog.querySelectorAll('button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('wraps a long refusal reason inside the client card on a phone', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl } = await mountFolder({ requests: ['Carte Nationale d’Identité recto-verso'] });
    await uploadAsClient(baseUrl, folder, 0, 'cni.pdf');
    const [request] = await requestsFromApi(folder.folderId);
    await officeApi('POST', `/v1/documents/${request?.files[0]?.id}/refuse`, {
      reason: 'Le verso de la carte est illisible : merci de renvoyer un scan net des deux faces.',
    });
    await setViewport({ width: 360, height: 740 });
    await el.refresh();
    const card = clientCard(el);
    const refusal = await waitFor(() => deepQuery(card, '.refusal'), 'the refusal reason');
    expect(refusal.getBoundingClientRect().right, 'the reason ends inside the card').to.be.at.most(card.getBoundingClientRect().right);
  });

  it('dates in the office time zone (Europe/Paris), not the computer’s', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatDate('2025-12-31T23:30:00Z', 'fr')).to.equal('1 janvier 2026');
    expect(formatDate('2025-12-31T23:30:00Z', 'en', { withTime: true })).to.equal('1 January 2026 at 00:30');
    expect(formatDate('2025-06-15T10:05:00Z', 'fr', { withTime: true })).to.equal('15 juin 2025 à 12:05');
    // A calendar day (a due date) stays that day.
    expect(formatDate('2025-03-12', 'fr')).to.equal('12 mars 2025');
    return Promise.resolve();
  });

  it('dates in the office’s own time zone once it has one (an office overseas), in both elements', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl } = await mountFolder();
    const created = (await officeApi<{ createdAt: string }>('GET', `/v1/folders/${folder.folderId}`)).createdAt;
    const paris = formatDate(created, 'fr');
    // Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: one of them is on another day than Paris.
    const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find(
      (candidate) => formatDate(created, 'fr', { timeZone: candidate }) !== paris,
    );
    const overseas = formatDate(created, 'fr', { timeZone: zone });
    await officeApi('PATCH', '/v1/office', { timeZone: zone });
    try {
      el.remove();
      const again = await mountFolder();
      const upload = document.createElement('lecoffre-upload');
      upload.setAttribute('token', again.folder.token);
      upload.setAttribute('base-url', baseUrl);
      again.el.after(upload);
      const shownCreated = (await officeApi<{ createdAt: string }>('GET', `/v1/folders/${again.folder.folderId}`)).createdAt;
      const expected = formatDate(shownCreated, 'fr', { timeZone: zone });
      await waitFor(() => deepText(again.el).includes(expected), `the folder dated ${expected} (${zone})`);
      const [request] = await requestsFromApi(again.folder.folderId);
      const requestedOn = formatDate(String(request?.createdAt), 'fr', { timeZone: zone });
      await waitFor(() => deepText(upload).includes(`Demandé par votre notaire le ${requestedOn}`), `the request dated ${requestedOn}`);
      expect(overseas).to.not.equal(paris);
      upload.remove();
    } finally {
      await officeApi('PATCH', '/v1/office', { timeZone: 'Europe/Paris' });
    }
  });
});
