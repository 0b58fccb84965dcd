import type { DocumentFile } from '@lecoffre/sdk';
import { expect } from '@open-wc/testing';
import { axeViolations, waitFor } from '../core/test-fixtures.js';
import type { LeCoffreFolder } from './folder.js';
import {
  buttonNamed,
  clientCard,
  deepQuery,
  deepQueryAll,
  deepText,
  hasButton,
  mountFolder as mount,
  openDialog,
  requestsFromApi,
  section,
  uploadAsClient,
} from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

/** Opens the viewer on the file named `name` from the "à valider" column, and waits for its preview. */
async function openFile(el: LeCoffreFolder, name: string): Promise<HTMLDialogElement> {
  const button = await waitFor(() => buttonNamed(clientCard(el), new RegExp(name)), `a button to open ${name}`);
  button.click();
  const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-viewer'), 'the viewer');
  await waitFor(() => dialog.querySelector('iframe, img, .error'), 'the preview');
  return dialog;
}

describe('<lecoffre-folder>', () => {
  it('shows the folder as the guide does: information, client, requested documents, completion; no axe violation', async () => {
    const { el, folder } = await mount();
    const text = deepText(el);
    expect(text).to.contain(`${folder.folderNumber} - Succession Pallut`);
    expect(text).to.contain('Informations du dossier');
    expect(text).to.contain('Intitulé du dossier');
    expect(text).to.contain('Succession');
    expect(deepText(clientCard(el))).to.contain('06 26 59 72 92');
    const requested = deepText(section(el, 'Documents demandés'));
    expect(requested).to.contain("Carte Nationale d'Identité recto-verso");
    expect(requested).to.contain("Avis d'imposition N-2");
    expect(deepText(section(el, 'Documents à valider'))).to.contain('Vous n’avez aucun document à valider');
    const bars = deepQueryAll(el, '[role="progressbar"]');
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).to.include.members([
      'Complétion du dossier',
      'Complétion du dossier client : Caroline Pallut',
    ]);
    expect(bars.every((bar) => bar.getAttribute('aria-valuenow') === '0')).to.equal(true);
    expect(buttonNamed(el, 'Valider et ancrer')?.disabled).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({ lang: 'en' });
    await waitFor(() => deepText(el).includes('Folder information'), 'the English words');
    const text = deepText(el);
    expect(text).to.contain('Folder information');
    expect(text).to.contain('Requested documents');
    expect(hasButton(el, 'Validate and anchor')).to.equal(true);
  });

  it('requests documents suggested by the deed type, then lists them', async () => {
    const { el, folder, events } = await mount({ requests: [] });
    buttonNamed(el, 'Demander des documents à Caroline Pallut')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-request-dialog'), 'the dialog');
    await waitFor(() => dialog.querySelectorAll('input[type="checkbox"]').length > 0, 'the suggested documents');
    expect(deepText(dialog)).to.contain('Documents suggérés pour ce type d’acte');
    const boxes = [...dialog.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const labels = boxes.map((box) => (box.parentElement?.textContent ?? '').trim());
    expect(await axeViolations(el)).to.deep.equal([]);
    boxes[0].click();
    boxes[1].click();
    buttonNamed(dialog, 'Valider')?.click();
    await waitFor(() => !openDialog(el, 'lecoffre-folder-request-dialog'), 'the dialog to close');
    await waitFor(() => deepText(section(el, 'Documents demandés')).includes(labels[1]), 'the new requests listed');
    expect(deepText(section(el, 'Documents demandés'))).to.contain(labels[0]);
    const stored = await requestsFromApi(folder.folderId);
    expect(stored.map((request) => request.label)).to.have.members([labels[0], labels[1]]);
    const requested = events.find((event) => event.type === 'lecoffre-documents-requested');
    expect(requested?.detail.requests).to.have.length(2);
    expect(requested?.bubbles && requested.composed).to.equal(true);
  });

  it('requests a document of the office’s own ("Créer un document")', async () => {
    const { el, folder } = await mount({ requests: [] });
    buttonNamed(el, 'Demander des documents à Caroline Pallut')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-request-dialog'), 'the dialog');
    await waitFor(() => buttonNamed(dialog, /Ajouter un document/), 'the dialog to load');
    buttonNamed(dialog, /Ajouter un document/)?.click();
    await waitFor(() => dialog.querySelector('input[type="radio"]'), 'the choices');
    [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1].click();
    const label = `Attestation employeur ${Date.now()}`;
    const name = await waitFor(() => dialog.querySelector<HTMLInputElement>('#new-label'), 'the name field');
    name.value = label;
    buttonNamed(dialog, 'Ajouter')?.click();
    await waitFor(
      () => [...dialog.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].some((box) => box.checked),
      'the new type ticked',
    );
    buttonNamed(dialog, 'Valider')?.click();
    await waitFor(() => deepText(section(el, 'Documents demandés')).includes(label), 'the new request listed');
    expect((await requestsFromApi(folder.folderId)).map((request) => request.label)).to.deep.equal([label]);
  });

  it('validates a file in the viewer; Télécharger appears only then; completion follows', async function () {
    this.timeout(15_000);
    const { el, folder, baseUrl, events } = await mount({ requests: ['Justificatif de domicile'] });
    await uploadAsClient(baseUrl, folder, 0, 'domicile.pdf');
    await el.refresh();
    const dialog = await openFile(el, 'domicile.pdf');
    expect(dialog.querySelector('iframe')?.getAttribute('src')).to.match(/^blob:/);
    expect(hasButton(dialog, 'Télécharger')).to.equal(false);
    expect(deepText(dialog)).to.contain('Pour télécharger un document, celui-ci doit d’abord être validé');
    expect(await axeViolations(el)).to.deep.equal([]);

    buttonNamed(dialog, 'Valider')?.click();
    await waitFor(() => buttonNamed(dialog, 'Télécharger'), 'the download button');
    expect(dialog.querySelector('[data-status]')?.getAttribute('data-status')).to.equal('validated');
    const validated = events.find((event) => event.type === 'lecoffre-document-validated') as CustomEvent<{ file: DocumentFile }>;
    expect(validated.detail.file.status).to.equal('validated');
    expect(validated.composed).to.equal(true);

    buttonNamed(dialog, 'Fermer')?.click();
    await waitFor(
      () => deepQueryAll(el, '[role="progressbar"]').every((bar) => bar.getAttribute('aria-valuenow') === '100'),
      'completion at 100%',
    );
    expect(buttonNamed(el, 'Valider et ancrer')?.disabled).to.equal(false);
    expect(deepText(section(el, 'Documents à valider'))).to.contain('Validé');
  });

  it('refuses a file only with a reason, which the client gets; the request goes back to "demandés"', async function () {
    this.timeout(15_000);
    const { el, folder, baseUrl, events } = await mount({ requests: ['RIB daté et signé'] });
    await uploadAsClient(baseUrl, folder, 0, 'rib-flou.pdf');
    await el.refresh();
    const viewer = await openFile(el, 'rib-flou.pdf');
    buttonNamed(viewer, 'Refuser')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-refuse-dialog'), 'the refuse dialog');
    expect(deepText(dialog)).to.contain('Refuser le document ?');
    buttonNamed(dialog, 'Refuser')?.click();
    await waitFor(() => dialog.querySelector('[role="alert"]'), 'the missing reason message');
    expect(deepText(dialog)).to.contain('Indiquez le motif du refus.');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect((await requestsFromApi(folder.folderId))[0].files[0].status).to.equal('pending');

    (dialog.querySelector('textarea') as HTMLTextAreaElement).value = 'Le RIB est illisible, merci de le scanner à nouveau.';
    buttonNamed(dialog, 'Refuser')?.click();
    await waitFor(() => !deepQuery(el, 'dialog[open]'), 'both dialogs to close');
    await waitFor(() => deepText(section(el, 'Documents demandés')).includes('Refusé : Le RIB est illisible'), 'the refusal shown');
    const [request] = await requestsFromApi(folder.folderId);
    expect(request.status).to.equal('requested');
    expect(request.files[0].refusalReason).to.equal('Le RIB est illisible, merci de le scanner à nouveau.');
    const refused = events.find((event) => event.type === 'lecoffre-document-refused');
    expect(refused?.detail.reason).to.equal('Le RIB est illisible, merci de le scanner à nouveau.');
  });
});
