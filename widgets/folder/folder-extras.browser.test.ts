import { expect } from '@open-wc/testing';
import { connect } from '../core/connection.js';
import { axeViolations, pdfFile, pickFiles, waitFor } from '../core/test-fixtures.js';
import { sendFiles } from '../core/upload.js';
import '../upload/upload.js';
import { buttonNamed, clientCard, deepQuery, deepText, mountFolder, openDialog } from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

describe('<lecoffre-folder>: documents supplémentaires', () => {
  it('shows what the client sent without a request, to open and validate like the others', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl } = await mountFolder();
    await sendFiles({
      connection: connect({ baseUrl, token: folder.token }),
      target: { kind: 'extra', folderId: folder.folderId },
      files: [pdfFile('attestation-employeur.pdf')],
    });
    // Live: no reload of the element.
    const button = await waitFor(() => buttonNamed(clientCard(el), /attestation-employeur\.pdf/), 'the extra document', 6000);
    expect(deepText(button)).to.contain('Document supplémentaire');
    expect(deepText(button)).to.contain('À valider');
    expect(await axeViolations(el)).to.deep.equal([]);
    button.click();
    const viewer = await waitFor(() => openDialog(el, 'lecoffre-folder-viewer'), 'the viewer');
    expect(deepText(viewer)).to.contain('Document supplémentaire');
    (await waitFor(() => viewer.querySelector<HTMLButtonElement>('[data-action="validate"]:not([disabled])'), 'Valider')).click();
    await waitFor(() => /Validé/.test(deepText(buttonNamed(clientCard(el), /attestation-employeur\.pdf/) ?? el)), 'validated');
  });

  it('sends one of the office’s documents to the clients, who see it at once and can download it', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl } = await mountFolder();
    const upload = document.createElement('lecoffre-upload');
    upload.setAttribute('token', folder.token);
    upload.setAttribute('base-url', baseUrl);
    el.after(upload);
    await waitFor(() => upload.shadowRoot?.querySelector('[part="extra"]'), 'the client’s space');
    const form = await waitFor(() => deepQuery<HTMLFormElement>(el, 'form.send-document'), 'the form to send a document');
    // Our own control, in the page's language (the browser's says "Choose File" in an English browser).
    expect(deepText(form)).to.contain('Choisir un fichier');
    expect(deepText(form)).to.contain('Aucun fichier choisi');
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => deepText(el).includes('Choisissez le document à transmettre.'), 'the missing file said in French');
    pickFiles(form.querySelector('input[type="file"]') as HTMLInputElement, [pdfFile('projet-acte.pdf')]);
    await waitFor(() => deepText(form).includes('projet-acte.pdf'), 'the chosen file named');
    (deepQuery<HTMLInputElement>(el, 'form.send-document input[name="label"]') as HTMLInputElement).value = 'Projet d’acte';
    (deepQuery<HTMLButtonElement>(el, 'form.send-document button[type="submit"]') as HTMLButtonElement).click();
    await waitFor(() => deepText(el).includes('Projet d’acte'), 'the document listed in <lecoffre-folder>');
    const card = await waitFor(
      () =>
        [...(upload.shadowRoot?.querySelectorAll<HTMLElement>('[part="shared-document"]') ?? [])].find((a) =>
          a.textContent?.includes('Projet d’acte'),
        ),
      'the document in the client’s space',
      6000,
    );
    expect(card.querySelector('button')?.textContent).to.contain('Télécharger');
    expect(await axeViolations(el)).to.deep.equal([]);
    upload.remove();
  });
});
