import type { DocumentFile, DocumentRequest } from '@lecoffre/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  apiInfo,
  axeViolations,
  type ClientFolderFixture,
  clientFolder,
  deepActiveElement,
  dropFiles,
  officeApi,
  pdfFile,
  pickFiles,
  setNetwork,
  waitFor,
} from '../core/test-fixtures.js';
import './upload.js';
import type { LeCoffreUpload } from './upload.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;
declare function afterEach(body: () => Promise<void>): void;

const root = (el: LeCoffreUpload) => el.shadowRoot as ShadowRoot;
const card = (el: LeCoffreUpload, requestId: string) => {
  const found = root(el).querySelector<HTMLElement>(`[data-request-id="${requestId}"]`);
  if (!found) throw new Error(`no card for ${requestId}`);
  return found;
};
const text = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const fileInput = (zone: Element) => zone.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;

async function mount(folder: ClientFolderFixture, lang = 'fr'): Promise<LeCoffreUpload> {
  const { baseUrl } = await apiInfo();
  const el = await fixture<LeCoffreUpload>(
    html`<lecoffre-upload token=${folder.token} base-url=${baseUrl} lang=${lang}></lecoffre-upload>`,
  );
  await waitFor(() => root(el).querySelector('[data-request-id]') || root(el).querySelector('[part="extra"]'), 'the folder to load');
  return el;
}

/** Records every upload state and progress value the element shows, to check what the user saw move. */
function watchUploads(el: LeCoffreUpload): { states: Set<string>; progress: number[] } {
  const seen = { states: new Set<string>(), progress: [] as number[] };
  const record = () => {
    for (const row of root(el).querySelectorAll('[data-upload-state]')) seen.states.add(row.getAttribute('data-upload-state') ?? '');
    for (const bar of root(el).querySelectorAll('progress')) seen.progress.push(Number(bar.value));
  };
  new MutationObserver(record).observe(root(el), { subtree: true, childList: true, attributes: true, characterData: true });
  return seen;
}

async function requestFromApi(folder: ClientFolderFixture, requestId: string): Promise<DocumentRequest> {
  const { data } = await officeApi<{ data: DocumentRequest[] }>('GET', `/v1/folders/${folder.folderId}/document-requests`);
  return data.find((request) => request.id === requestId) as DocumentRequest;
}

afterEach(async () => {
  await setNetwork(true);
  await setViewport({ width: 800, height: 600 });
});

describe('<lecoffre-upload>', () => {
  it('shows the office, the folder, the requested documents and the shared RIB', async () => {
    const folder = await clientFolder({ rib: true });
    const el = await mount(folder);
    const all = text(root(el));
    expect(all).to.contain('Bonjour Caroline Pallut');
    expect(all).to.contain(`Dossier ${folder.folderNumber} - Succession Pallut`);
    expect(all).to.contain('SELAS AP NOTAIRES');
    expect(all).to.contain('Documents à envoyer');
    for (const request of folder.requests) {
      expect(text(card(el, request.id))).to.contain(request.label);
      expect(text(card(el, request.id))).to.contain('À envoyer');
      expect(text(card(el, request.id))).to.contain('Sélectionnez des documents (jpg, pdf ou png)');
    }
    const shared = root(el).querySelector('[part="shared"]') as HTMLElement;
    expect(text(shared)).to.contain('FR76 3000 6000 0112 3456 7890 189');
    expect(text(shared)).to.contain('AGRIFRPP');
    expect(text(root(el))).to.contain('Documents supplémentaires (facultatif)');
  });

  it('hashes, uploads with a progress bar, and shows the document as being checked', async () => {
    const folder = await clientFolder();
    const el = await mount(folder);
    const [cni] = folder.requests;
    const seen = watchUploads(el);
    const uploaded = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('lecoffre-document-uploaded', resolve as EventListener, { once: true }),
    );
    const file = pdfFile('cni-recto-verso.pdf', 900_000);
    pickFiles(fileInput(card(el, cni.id)), [file]);

    const event = await uploaded;
    expect(event.composed).to.equal(true);
    expect(event.detail.requestId).to.equal(cni.id);
    const stored = event.detail.files[0] as DocumentFile;
    expect(stored.name).to.equal('cni-recto-verso.pdf');
    // The hash came from the browser and the server checked it.
    expect(stored.sha256Source).to.equal('client');
    const expected = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    expect(stored.sha256).to.equal(expected);

    expect(seen.states.has('uploading')).to.equal(true);
    expect(Math.max(...seen.progress)).to.equal(100);
    await waitFor(() => card(el, cni.id).dataset.state === 'sent', 'the card to show the file under review');
    expect(text(card(el, cni.id))).to.contain('Envoyé, en vérification');
    expect(text(card(el, cni.id))).to.contain('cni-recto-verso.pdf');
    expect(text(card(el, cni.id))).to.contain('Envoyé, en vérification');
    expect((await requestFromApi(folder, cni.id)).status).to.equal('submitted');
  });

  it('shows a refused file with the notary’s reason, and takes a new one by drag and drop', async () => {
    const folder = await clientFolder();
    const el = await mount(folder);
    const [cni] = folder.requests;
    pickFiles(fileInput(card(el, cni.id)), [pdfFile('cni-floue.pdf')]);
    await waitFor(() => card(el, cni.id).dataset.state === 'sent', 'the first upload');
    const [sent] = (await requestFromApi(folder, cni.id)).files;
    await officeApi('POST', `/v1/files/${sent.id}/refuse`, { reason: 'La photo est floue, merci de renvoyer un scan lisible.' });

    await el.refresh();
    await el.updateComplete;
    expect(card(el, cni.id).dataset.state).to.equal('refused');
    expect(text(card(el, cni.id))).to.contain('Refusé');
    expect(text(card(el, cni.id))).to.contain('Motif du refus : La photo est floue, merci de renvoyer un scan lisible.');

    dropFiles(card(el, cni.id).querySelector('[part~="dropzone"]') as Element, [pdfFile('cni-nette.pdf')]);
    await waitFor(() => card(el, cni.id).dataset.state === 'sent', 'the new file under review');
    const files = (await requestFromApi(folder, cni.id)).files;
    expect(files.map((file) => [file.name, file.status])).to.deep.equal([
      ['cni-floue.pdf', 'refused'],
      ['cni-nette.pdf', 'pending'],
    ]);
  });

  it('sends "documents supplémentaires" without a request', async () => {
    const folder = await clientFolder({ requests: [] });
    const el = await mount(folder);
    expect(text(root(el))).to.contain('Votre notaire ne vous a demandé aucun document pour le moment.');
    const extra = root(el).querySelector('[part="extra"]') as HTMLElement;
    const uploaded = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('lecoffre-document-uploaded', resolve as EventListener, { once: true }),
    );
    pickFiles(fileInput(extra), [pdfFile('compromis-annote.pdf')]);
    const event = await uploaded;
    expect(event.detail.requestId).to.equal(null);
    expect(event.detail.files[0].requestId).to.equal(null);
    await waitFor(
      () => text(extra).includes('compromis-annote.pdf') && !extra.querySelector('[data-upload-state]'),
      'the extra file listed as sent',
    );
    expect(text(extra)).to.contain('Envoyé, en vérification');
  });

  it('explains in French a wrong type, a file too large, and a fake PDF refused on its bytes', async () => {
    const folder = await clientFolder({ requests: ['Avis d’imposition N-2'] });
    const el = await mount(folder);
    const [notice] = folder.requests;
    const errors: string[] = [];
    el.addEventListener('lecoffre-error', (event) => errors.push(event.detail.code));
    const { maxUploadBytes } = await apiInfo();
    pickFiles(fileInput(card(el, notice.id)), [
      new File(['bonjour'], 'notes.txt', { type: 'text/plain' }),
      pdfFile('avis-tres-lourd.pdf', maxUploadBytes + 10),
      new File(['not a pdf at all'], 'faux.pdf', { type: 'application/pdf' }),
    ]);
    await waitFor(() => card(el, notice.id).querySelectorAll('[data-upload-state="failed"]').length === 3, 'three refusals', 6000);
    const rows = [...card(el, notice.id).querySelectorAll('[data-upload-state="failed"]')].map(text);
    expect(rows[0]).to.contain('notes.txt').and.contain('Ce type de fichier n’est pas accepté : envoyez un PDF, un JPG ou un PNG.');
    expect(rows[1]).to.contain('avis-tres-lourd.pdf').and.contain('Ce fichier est trop volumineux.');
    expect(rows[2]).to.contain('faux.pdf').and.contain('Ce type de fichier n’est pas accepté');
    expect(errors).to.deep.equal(['unsupported_file_type', 'file_too_large', 'unsupported_file_type']);
    // Refusals are not worth retrying: the user must choose another file.
    expect(card(el, notice.id).querySelector('[data-upload-state="failed"] button:not(.link)')).to.equal(null);
    expect((await requestFromApi(folder, notice.id)).files).to.have.length(0);
  });

  it('retries by itself when the network drops during a send', async function () {
    this.timeout(12_000);
    const folder = await clientFolder({ requests: ['Justificatif de domicile'] });
    const el = await mount(folder);
    const [proof] = folder.requests;
    const seen = watchUploads(el);
    await setNetwork(false);
    pickFiles(fileInput(card(el, proof.id)), [pdfFile('facture-edf.pdf')]);
    await waitFor(() => card(el, proof.id).querySelector('[data-upload-state="retrying"]'), 'a retry after the network failure');
    expect(text(card(el, proof.id))).to.contain('Connexion perdue, nouvel essai…');
    await setNetwork(true);
    await waitFor(() => card(el, proof.id).dataset.state === 'sent', 'the retried upload to land', 8000);
    expect(seen.states.has('retrying')).to.equal(true);
    expect((await requestFromApi(folder, proof.id)).files).to.have.length(1);
  });

  it('offers "Réessayer" once automatic retries are spent, and it works', async function () {
    this.timeout(20_000);
    const folder = await clientFolder({ requests: ['Titre de propriété'] });
    const el = await mount(folder);
    const [deed] = folder.requests;
    await setNetwork(false);
    pickFiles(fileInput(card(el, deed.id)), [pdfFile('titre.pdf')]);
    const retry = await waitFor(
      () => card(el, deed.id).querySelector<HTMLButtonElement>('[data-upload-state="failed"] button:not(.link)'),
      'the retry button',
      15_000,
    );
    expect(text(card(el, deed.id))).to.contain('Connexion impossible. Vérifiez votre accès à Internet puis réessayez.');
    expect(retry.getAttribute('aria-label')).to.equal('Réessayer l’envoi de titre.pdf');
    await setNetwork(true);
    retry.click();
    await waitFor(() => card(el, deed.id).dataset.state === 'sent', 'the manual retry to land');
  });

  it('can be used with the keyboard alone', async () => {
    const folder = await clientFolder({ rib: true });
    const el = await mount(folder);
    const [cni] = folder.requests;
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      reached.push(active?.getAttribute('aria-label') ?? text(active as Element));
    }
    before.remove();
    expect(reached).to.include(`Ajouter un document : ${cni.label}`);
    expect(reached).to.include('Ajouter d’autres documents');
    expect(reached).to.include('Copier l’IBAN');

    // Enter on the focused button opens the file picker.
    const button = card(el, cni.id).querySelector<HTMLButtonElement>('[data-action="pick"]') as HTMLButtonElement;
    button.focus();
    const opened = new Promise<void>((resolve) =>
      fileInput(card(el, cni.id)).addEventListener(
        'click',
        (event) => {
          event.preventDefault();
          resolve();
        },
        { once: true },
      ),
    );
    await sendKeys({ press: 'Enter' });
    await opened;
  });

  it('fits a 360 px wide phone screen without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 740 });
    const folder = await clientFolder({
      rib: true,
      requests: ["Carte Nationale d'Identité recto-verso (les deux faces sur la même page)", 'Livret de famille'],
    });
    const el = await mount(folder);
    pickFiles(fileInput(card(el, folder.requests[0].id)), [new File(['x'], 'un-nom-de-fichier-vraiment-tres-long-sans-espace-aucun.txt')]);
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    for (const node of root(el).querySelectorAll<HTMLElement>('button, [part~="request"], [part~="dropzone"], progress')) {
      expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(360);
    }
  });

  it('has no wcag2a/wcag2aa violations (axe-core), refused and failed states included', async () => {
    const folder = await clientFolder({ rib: true });
    const el = await mount(folder);
    const [cni, notice] = folder.requests;
    pickFiles(fileInput(card(el, cni.id)), [pdfFile('cni.pdf')]);
    await waitFor(() => card(el, cni.id).dataset.state === 'sent', 'the upload');
    const [sent] = (await requestFromApi(folder, cni.id)).files;
    await officeApi('POST', `/v1/files/${sent.id}/refuse`, { reason: 'Illisible' });
    await el.refresh();
    pickFiles(fileInput(card(el, notice.id)), [new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    await el.updateComplete;
    expect(card(el, cni.id).dataset.state).to.equal('refused');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('lets a client with two folders switch from one to the other', async () => {
    const first = await clientFolder({ requests: ['Titre de propriété'] });
    const second = await officeApi<{ id: string; number: string }>('POST', '/v1/folders', {
      number: `${first.folderNumber}-B`,
      title: 'Vente Pallut',
      deedType: 'vente',
    });
    await officeApi('POST', `/v1/folders/${second.id}/clients`, { clientId: first.clientId });
    await officeApi('POST', `/v1/folders/${second.id}/document-requests`, {
      clientId: first.clientId,
      documents: [{ label: 'Diagnostic amiante' }],
    });
    // A token for the client, not bound to a folder: the client's own view of all their folders.
    const { token } = await officeApi<{ token: string }>('POST', '/v1/widget-sessions', { clientId: first.clientId });
    const el = await mount({ ...first, token });
    const picker = root(el).querySelector('select') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.textContent?.trim()).sort()).to.deep.equal(
      [`Dossier ${first.folderNumber} - Succession Pallut`, `Dossier ${second.number} - Vente Pallut`].sort(),
    );
    picker.value = second.id;
    picker.dispatchEvent(new Event('change'));
    await waitFor(() => text(root(el)).includes('Diagnostic amiante'), 'the second folder’s documents');
    expect(text(root(el).querySelector('h2') as Element)).to.equal(`Dossier ${second.number} - Vente Pallut`);
    expect(text(root(el))).not.to.contain('Titre de propriété');
  });

  it('speaks English with lang="en"', async () => {
    const folder = await clientFolder();
    const el = await mount(folder, 'en');
    expect(text(root(el))).to.contain('Documents to send');
    expect(text(card(el, folder.requests[0].id))).to.contain('To send');
    el.lang = 'fr';
    await el.updateComplete;
    expect(text(root(el))).to.contain('Documents à envoyer');
  });
});
