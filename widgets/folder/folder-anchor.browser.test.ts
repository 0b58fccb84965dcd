import type { DocumentRequest, Folder } from '@lecoffre/sdk';
import { expect } from '@open-wc/testing';
import { axeViolations, officeApi, waitFor } from '../core/test-fixtures.js';
import {
  anchorCycle,
  buttonNamed,
  deepQuery,
  deepText,
  hasButton,
  mountFolder,
  openDialog,
  requestsFromApi,
  uploadAsClient,
} from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

/**
 * Catches what `saveBlob` hands the browser (a blob URL on an `<a download>` it clicks), and keeps the
 * click from starting a real download: headless Chromium may leave the test page when it does.
 */
function captureDownloads(): { blobs: Blob[]; names: string[]; restore(): void } {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL.call(URL, object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) names.push(this.download);
    else click.call(this);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

describe('<lecoffre-folder> archive and anchoring', () => {
  it('archives after confirmation: the folder becomes read-only', async () => {
    const { el, folder, events } = await mountFolder();
    buttonNamed(el, 'Archiver le dossier')?.click();
    const dialog = await waitFor(() => openDialog(el, 'lecoffre-folder-confirm'), 'the confirmation');
    expect(deepText(dialog)).to.contain('Archiver ce dossier ?');
    buttonNamed(dialog, 'Archiver le dossier')?.click();
    // Gone from the DOM, not just closed: its own button is also labelled "Archiver le dossier".
    await waitFor(() => !deepQuery(el, 'lecoffre-folder-confirm')?.shadowRoot?.querySelector('dialog'), 'the confirmation to go');
    await waitFor(() => deepText(el).includes('Dossier archivé le'), 'the archived state');
    expect(hasButton(el, /Demander des documents/)).to.equal(false);
    expect(hasButton(el, /Ajouter un client/)).to.equal(false);
    expect(hasButton(el, 'Archiver le dossier')).to.equal(false);
    expect((await officeApi<Folder>('GET', `/v1/folders/${folder.folderId}`)).status).to.equal('archived');
    expect(events.some((event) => event.type === 'lecoffre-folder-archived')).to.equal(true);
  });

  it('keeps "Valider et ancrer" off below 100%, anchors at 100%, shows progress, then offers the proof', async function () {
    this.timeout(20_000);
    const { el, folder, baseUrl, events } = await mountFolder({ requests: ['Titre de propriété des biens'], pollInterval: 200 });
    expect(buttonNamed(el, 'Valider et ancrer')?.disabled).to.equal(true);

    await uploadAsClient(baseUrl, folder, 0, 'titre.pdf');
    const [request] = await requestsFromApi(folder.folderId);
    await officeApi<DocumentRequest>('POST', `/v1/files/${request.files[0].id}/validate`);
    await el.refresh();
    const anchor = await waitFor(() => {
      const button = buttonNamed(el, 'Valider et ancrer');
      return button && !button.disabled && button;
    }, 'the anchor button to be enabled');

    anchor.click();
    // The live region says "Dossier en cours de certification" as soon as the request is accepted; the
    // anchoring part shows it once the folder read after it comes back.
    const anchorPart = () => deepQuery(el, 'lecoffre-folder-anchor') as HTMLElement;
    await waitFor(() => deepText(anchorPart()).includes('Dossier en cours de certification'), 'the certification in progress');
    expect(deepText(anchorPart())).to.contain('L’ancrage peut prendre quelques minutes');
    expect(Boolean(el.shadowRoot?.querySelector('lecoffre-folder-anchor')?.shadowRoot?.querySelector('progress'))).to.equal(true);
    // Frozen from now on: nothing to request, add or edit.
    expect(hasButton(el, /Demander des documents/)).to.equal(false);
    expect(hasButton(el, /Modifier : /)).to.equal(false);
    expect(await axeViolations(el)).to.deep.equal([]);

    const cycle = await anchorCycle();
    expect(cycle.outcome).to.equal('anchored');
    await waitFor(() => buttonNamed(el, 'Télécharger la preuve d’ancrage'), 'the proof button', 5000);
    expect(deepText(el)).to.contain('Dossier ancré le');
    expect(deepText(el)).to.contain('Ancrage local de développement');
    const anchored = events.filter((event) => event.type === 'lecoffre-folder-anchored');
    expect(anchored.map((event) => event.detail.folderId)).to.deep.equal([folder.folderId]);

    const downloads = captureDownloads();
    try {
      buttonNamed(el, 'Télécharger la preuve d’ancrage')?.click();
      const zip = await waitFor(() => downloads.blobs[0], 'the proof bundle');
      const signature = new Uint8Array(await zip.slice(0, 2).arrayBuffer());
      expect(String.fromCharCode(...signature)).to.equal('PK');
      expect(downloads.names).to.deep.equal([`Preuve d’ancrage - ${folder.folderNumber}.zip`]);
    } finally {
      downloads.restore();
    }
  });
});
