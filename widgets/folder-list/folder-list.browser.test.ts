import type { Folder } from '@lecoffre/sdk';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { apiInfo, axeViolations, clientFolder, deepActiveElement, officeApi, waitFor } from '../core/test-fixtures.js';
import { buttonNamed, deepText, notarySession, testHost, uploadAsClient } from '../folder/test-helpers.js';
import './create-folder.js';
import type { LeCoffreCreateFolder } from './create-folder.js';
import './folder-list.js';
import type { LeCoffreFolderList } from './folder-list.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

async function connected<T extends HTMLElement>(tag: string, lang = 'fr'): Promise<{ el: T; events: CustomEvent[]; memberId: string }> {
  const [{ baseUrl }, notary] = await Promise.all([apiInfo(), notarySession()]);
  const events: CustomEvent[] = [];
  const host = testHost();
  for (const name of [
    'lecoffre-folder-selected',
    'lecoffre-create-folder',
    'lecoffre-folder-created',
    'lecoffre-create-cancelled',
    'lecoffre-error',
  ]) {
    host.addEventListener(name, (event) => events.push(event as CustomEvent));
  }
  const el = document.createElement(tag) as T;
  el.setAttribute('token', notary.token);
  el.setAttribute('base-url', baseUrl);
  el.setAttribute('lang', lang);
  host.append(el);
  return { el, events, memberId: notary.memberId };
}

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const listed = (el: LeCoffreFolderList) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[data-folder-id]')];

async function search(el: LeCoffreFolderList, q: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('#search') as HTMLInputElement;
  input.value = q;
  input.dispatchEvent(new Event('input'));
}

describe('<lecoffre-folder-list>', () => {
  it('lists open folders with the action mark, searches, switches tabs with the arrow keys, selects', async function () {
    this.timeout(15_000);
    const token = `Liste${Date.now()}`;
    const { baseUrl } = await apiInfo();
    const waiting = await clientFolder({ requests: ['Livret de famille'] });
    await officeApi('PATCH', `/v1/folders/${waiting.folderId}`, { title: `${token} en attente` });
    await uploadAsClient(baseUrl, waiting, 0, 'livret.pdf');
    const quiet = await officeApi<Folder>('POST', '/v1/folders', { number: `${token}-2`, title: `${token} calme`, deedType: 'vente' });
    const archived = await officeApi<Folder>('POST', '/v1/folders', { number: `${token}-3`, title: `${token} archivé`, deedType: 'vente' });
    await officeApi('POST', `/v1/folders/${archived.id}/archive`);

    const { el, events } = await connected<LeCoffreFolderList>('lecoffre-folder-list');
    await waitFor(() => listed(el).length > 0, 'the first folders');
    await search(el, token.toLowerCase());
    await waitFor(() => listed(el).length === 2, 'the two open folders of this test');
    const [first, second] = listed(el);
    expect(first.dataset.folderId).to.equal(quiet.id); // newest first
    expect(second.dataset.folderId).to.equal(waiting.folderId);
    expect(second.querySelector('[role="img"]')?.getAttribute('aria-label')).to.equal('Action requise');
    expect(first.querySelector('[role="img"]') === null).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);

    (shadow(el).querySelector('#tab-open') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => listed(el).length === 1 && listed(el)[0].dataset.folderId === archived.id, 'the archived folder');
    expect(deepActiveElement()?.id).to.equal('tab-archived');
    expect(shadow(el).querySelector('#tab-archived')?.getAttribute('aria-selected')).to.equal('true');

    listed(el)[0].click();
    expect(events.find((event) => event.type === 'lecoffre-folder-selected')?.detail.folderId).to.equal(archived.id);
    await el.updateComplete;
    expect(listed(el)[0].getAttribute('aria-current')).to.equal('true');

    await search(el, `${token}-inconnu`);
    await waitFor(() => deepText(el).includes('Aucun dossier ne correspond à cette recherche.'), 'the empty result');
    buttonNamed(el, 'Créer un dossier')?.click();
    expect(events.some((event) => event.type === 'lecoffre-create-folder')).to.equal(true);
  });
});

describe('<lecoffre-create-folder>', () => {
  it('creates a folder for some collaborators only; a taken number is pointed at', async () => {
    const collaborator = await notarySession('collaborator');
    const { el, events } = await connected<LeCoffreCreateFolder>('lecoffre-create-folder');
    const root = shadow(el);
    await waitFor(() => root.querySelectorAll('#deedType option').length > 1, 'the deed types');
    expect(await axeViolations(el)).to.deep.equal([]);

    buttonNamed(el, 'Créer un dossier')?.click();
    await waitFor(() => root.querySelector('[aria-invalid="true"]'), 'the missing fields');
    expect(root.querySelector('#number-error')?.textContent).to.equal('Champ obligatoire');
    expect(deepActiveElement()?.id).to.equal('number');

    const number = `C-${Date.now()}`;
    (root.querySelector('#number') as HTMLInputElement).value = number;
    (root.querySelector('#title') as HTMLInputElement).value = 'Vente Martin';
    (root.querySelector('#deedType') as HTMLSelectElement).value = 'vente';
    (root.querySelectorAll<HTMLInputElement>('input[name="access"]')[1] as HTMLInputElement).click();
    const box = await waitFor(() => root.querySelector<HTMLInputElement>(`input[value="${collaborator.memberId}"]`), 'the collaborator');
    box.click();
    buttonNamed(el, 'Créer un dossier')?.click();
    const created = await waitFor(() => events.find((event) => event.type === 'lecoffre-folder-created'), 'the folder created');
    const folder = created.detail.folder as Folder;
    expect(folder.number).to.equal(number);
    expect(folder.deedType.code).to.equal('vente');
    expect(folder.access).to.equal('members');
    expect(folder.memberIds).to.deep.equal([collaborator.memberId]);

    buttonNamed(el, 'Créer un dossier')?.click();
    await waitFor(
      () => root.querySelector('#number-error')?.textContent === 'Ce numéro de dossier est déjà utilisé dans l’office.',
      'the taken number',
    );
  });
});
