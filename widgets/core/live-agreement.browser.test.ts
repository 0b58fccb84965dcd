import { expect } from '@open-wc/testing';
import '../folder/folder.js';
import '../folder-list/folder-list.js';
import {
  anchorCycle,
  buttonNamed,
  clientCard,
  deepText,
  type MountedFolder,
  mountFolder,
  notarySession,
  openDialog,
} from '../folder/test-helpers.js';
import type { LeCoffreFolderList } from '../folder-list/folder-list.js';
import '../upload/upload.js';
import type { LeCoffreUpload } from '../upload/upload.js';
import { pdfFile, pickFiles, waitFor } from './test-fixtures.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

/**
 * A vendor's page with the three elements a notary's screen combines: the office's folder list, the folder,
 * and the client's space beside it (a preview of what the client sees). Every action is made in one element,
 * through its own buttons, and the others must show it without a reload or a refresh() call.
 */
interface Page extends MountedFolder {
  upload: LeCoffreUpload;
  list: LeCoffreFolderList;
}

const LIVE_MS = 6000;

async function mountPage(): Promise<Page> {
  const mounted = await mountFolder({ requests: ['Carte d’identité'] });
  const { el, folder, baseUrl } = mounted;
  const upload = document.createElement('lecoffre-upload');
  upload.setAttribute('token', folder.token);
  upload.setAttribute('base-url', baseUrl);
  const list = document.createElement('lecoffre-folder-list');
  list.setAttribute('token', (await notarySession()).token);
  list.setAttribute('base-url', baseUrl);
  el.before(list);
  el.after(upload);
  await waitFor(() => cards(upload).length === 1, 'the client’s request card', 15_000);
  await searchList(list, folder.folderNumber);
  await waitFor(() => listedText(list).includes('0/1'), 'the folder in the list, 0/1 validated', 15_000);
  return { ...mounted, upload, list };
}

const cards = (upload: LeCoffreUpload) => [...((upload.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('[data-request-id]') ?? [])];
const listedText = (list: LeCoffreFolderList) =>
  [...(list.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('[data-folder-id]')].map((button) => deepText(button)).join(' | ');

function searchList(list: LeCoffreFolderList, q: string): void {
  const input = (list.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('#search') as HTMLInputElement;
  input.value = q;
  input.dispatchEvent(new Event('input'));
}

async function openFile(page: Page, name: string): Promise<HTMLDialogElement> {
  (await waitFor(() => buttonNamed(clientCard(page.el), new RegExp(name)), `${name} in <lecoffre-folder>`, LIVE_MS)).click();
  const viewer = await waitFor(() => openDialog(page.el, 'lecoffre-folder-viewer'), 'the viewer');
  await waitFor(() => viewer.querySelector('iframe, img, .error'), 'the preview');
  return viewer;
}

async function sendAsClient(page: Page, name: string): Promise<void> {
  const card = cards(page.upload)[0] as HTMLElement;
  pickFiles(card.querySelector('input[type="file"]') as HTMLInputElement, [pdfFile(name)]);
}

async function confirm(page: Page, label: string): Promise<void> {
  const dialog = await waitFor(() => openDialog(page.el, 'lecoffre-folder-confirm'), 'the confirmation');
  (buttonNamed(dialog, label) as HTMLButtonElement).click();
  await waitFor(() => !openDialog(page.el, 'lecoffre-folder-confirm'), 'the confirmation closed');
}

describe('live updates: the elements of one page agree after every action', () => {
  it('request, upload, refusal, new upload, validation, withdrawal, new client, anchoring', async function () {
    this.timeout(90_000);
    const page = await mountPage();
    const { el, upload, list, folder } = page;

    // The notary asks for a second document: the client's space gets its card, the list its count.
    buttonNamed(el, 'Demander des documents à Caroline Pallut')?.click();
    const ask = await waitFor(() => openDialog(el, 'lecoffre-folder-request-dialog'), 'the request dialog');
    const box = await waitFor(() => ask.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:checked)'), 'a suggested document');
    const secondLabel = (box.parentElement?.textContent ?? '').trim();
    box.click();
    buttonNamed(ask, 'Valider')?.click();
    await waitFor(() => cards(upload).length === 2, 'the new request in <lecoffre-upload>', LIVE_MS);
    expect(deepText(upload)).to.contain(secondLabel);
    await waitFor(() => listedText(list).includes('0/2'), 'the list at 0/2', LIVE_MS);

    // The client sends a file from its space: the notary's folder lists it, ready to review.
    await sendAsClient(page, 'cni-floue.pdf');
    const first = await openFile(page, 'cni-floue.pdf');

    // The notary refuses it, with a reason: the client's card says so.
    buttonNamed(first, 'Refuser')?.click();
    const refuse = await waitFor(() => openDialog(el, 'lecoffre-folder-refuse-dialog'), 'the refuse dialog');
    (refuse.querySelector('textarea') as HTMLTextAreaElement).value = 'Illisible, merci de renvoyer.';
    buttonNamed(refuse, 'Refuser')?.click();
    await waitFor(() => cards(upload)[0]?.dataset.state === 'refused', 'the refusal in <lecoffre-upload>', LIVE_MS);
    expect(deepText(cards(upload)[0] as HTMLElement)).to.contain('Illisible');

    // The client sends again: the folder shows the new file.
    await sendAsClient(page, 'cni-nette.pdf');
    const second = await openFile(page, 'cni-nette.pdf');

    // The notary validates it: the client's card and the list's count follow.
    (await waitFor(() => second.querySelector<HTMLButtonElement>('[data-action="validate"]:not([disabled])'), 'Valider')).click();
    await waitFor(() => cards(upload)[0]?.dataset.state === 'validated', 'the validation in <lecoffre-upload>', LIVE_MS);
    await waitFor(() => listedText(list).includes('1/2'), 'the list at 1/2', LIVE_MS);
    buttonNamed(second, 'Fermer')?.click();

    // The notary withdraws the second request: its card leaves the client's space; the folder is complete.
    (await waitFor(() => buttonNamed(el, `Annuler la demande : ${secondLabel}`), 'the withdraw button')).click();
    await confirm(page, 'Retirer');
    await waitFor(() => cards(upload).length === 1, 'the withdrawn request gone from <lecoffre-upload>', LIVE_MS);
    await waitFor(() => listedText(list).includes('1/1'), 'the list at 1/1', LIVE_MS);

    // A new client joins the folder: the list finds the folder under the client's name.
    const lastName = `Accord${Date.now()}`;
    searchList(list, lastName.toLowerCase());
    await waitFor(() => deepText(list).includes('Aucun résultat'), 'no folder under that name yet', LIVE_MS);
    buttonNamed(el, 'Ajouter un client +')?.click();
    const add = await waitFor(() => openDialog(el, 'lecoffre-folder-client-dialog'), 'the client dialog');
    [...add.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1]?.click();
    await waitFor(() => add.querySelector('#lastName'), 'the new-client form');
    const values = { lastName, firstName: 'Inès', mobile: '06 12 34 56 78', email: `${lastName.toLowerCase()}@example.fr` };
    for (const [id, value] of Object.entries(values)) (add.querySelector(`#${id}`) as HTMLInputElement).value = value;
    buttonNamed(add, 'Associer au dossier')?.click();
    await waitFor(() => listedText(list).includes(folder.folderNumber), 'the folder found under the new client', LIVE_MS);

    // The notary anchors the folder: once the batch is final, the list marks it anchored.
    searchList(list, folder.folderNumber);
    await waitFor(() => listedText(list).includes('1/1'), 'the folder in the list again', LIVE_MS);
    (
      await waitFor(() => {
        const button = buttonNamed(el, 'Valider et ancrer');
        return button && !button.disabled && button;
      }, 'the anchor button')
    ).click();
    await waitFor(() => deepText(el).includes('Dossier en cours de certification'), 'the certification in progress', LIVE_MS);
    expect((await anchorCycle()).outcome).to.equal('anchored');
    await waitFor(() => buttonNamed(el, 'Télécharger la preuve d’ancrage'), 'the proof in <lecoffre-folder>', LIVE_MS);
    await waitFor(() => listedText(list).includes('Ancré'), 'the anchored mark in the list', LIVE_MS);
    // The client's space says the folder is closed and no longer offers to send anything.
    await waitFor(() => upload.shadowRoot?.querySelector('[data-closed]'), 'the folder closed in <lecoffre-upload>', LIVE_MS);
    expect(deepText(upload)).to.contain('Ce dossier est clos');
    expect(upload.shadowRoot?.querySelectorAll('[part~="dropzone"]').length).to.equal(0);
    upload.remove();
    list.remove();
  });
});
