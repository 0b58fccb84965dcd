import type { DocumentRequest } from '@lecoffre/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  apiInfo,
  type ClientFolderFixture,
  clientFolder,
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
const card = (el: LeCoffreUpload, requestId: string) => root(el).querySelector(`[data-request-id="${requestId}"]`) as HTMLElement;
const text = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const fileInput = (zone: Element) => zone.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;

async function mount(folder: ClientFolderFixture): Promise<LeCoffreUpload> {
  const { baseUrl } = await apiInfo();
  const el = await fixture<LeCoffreUpload>(html`<lecoffre-upload token=${folder.token} base-url=${baseUrl}></lecoffre-upload>`);
  await waitFor(() => root(el).querySelector('[data-request-id]'), 'the folder to load');
  return el;
}

async function requestFromApi(folder: ClientFolderFixture, requestId: string): Promise<DocumentRequest> {
  const { data } = await officeApi<{ data: DocumentRequest[] }>('GET', `/v1/folders/${folder.folderId}/document-requests`);
  return data.find((request) => request.id === requestId) as DocumentRequest;
}

const realMatchMedia = window.matchMedia;

afterEach(async () => {
  window.matchMedia = realMatchMedia;
  await setNetwork(true);
  await setViewport({ width: 800, height: 600 });
});

describe('<lecoffre-upload>: what the client sees while sending', () => {
  it('shows the bytes sent of the total, and "Annuler" really stops the upload: nothing is stored', async function () {
    // The first test of the file also waits for the API to start.
    this.timeout(40_000);
    const folder = await clientFolder({ requests: ['Justificatif de domicile'] });
    const el = await mount(folder);
    const [proof] = folder.requests;
    let sent = 0;
    let aborted = 0;
    const send = XMLHttpRequest.prototype.send;
    const abort = XMLHttpRequest.prototype.abort;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      sent += 1;
      return send.call(this, body);
    };
    XMLHttpRequest.prototype.abort = function (this: XMLHttpRequest) {
      aborted += 1;
      return abort.call(this);
    };
    const uploaded: Event[] = [];
    el.addEventListener('lecoffre-document-uploaded', (event) => uploaded.push(event));
    try {
      // A line too slow for the upload to finish: it stays in flight while the client reads it and cancels.
      await setNetwork(true, { hold: proof.id });
      pickFiles(fileInput(card(el, proof.id)), [pdfFile('facture.pdf', 600_000)]);
      const row = await waitFor(() => card(el, proof.id).querySelector<HTMLElement>('[data-upload-state="uploading"]'), 'the upload');
      const bytes = await waitFor(() => row.querySelector('[data-bytes]'), 'bytes sent of the total');
      expect(text(bytes)).to.match(/^[\d,]+ (o|ko|Mo) sur 600 ko \(\d+ %\)$/);
      const cancel = row.querySelector<HTMLButtonElement>('[data-action="cancel"]') as HTMLButtonElement;
      expect(cancel.getAttribute('aria-label')).to.equal('Annuler l’envoi de facture.pdf');
      // The row shows from the start, before the SDK's upload code has arrived (a chunk of its own): the
      // cancel must stop a request in flight.
      await waitFor(() => sent > 0, 'the request to be in flight');
      cancel.click();
      await waitFor(() => !card(el, proof.id).querySelector('[data-upload-state]'), 'the file gone from the list');
      expect(aborted).to.be.greaterThan(0);
      await waitFor(() => text(root(el)).includes('Envoi de « facture.pdf » annulé'), 'the announcement');
    } finally {
      XMLHttpRequest.prototype.send = send;
      XMLHttpRequest.prototype.abort = abort;
      await setNetwork(true);
    }
    // The held bytes never reached the API, and nothing retries them once the line is back.
    const after = await requestFromApi(folder, proof.id);
    expect(after.files).to.deep.equal([]);
    expect(after.status).to.equal('requested');
    expect(card(el, proof.id).dataset.state).to.equal('requested');
    expect(uploaded).to.deep.equal([]);
    // And the next file goes through.
    pickFiles(fileInput(card(el, proof.id)), [pdfFile('facture-2.pdf')]);
    await waitFor(() => card(el, proof.id).dataset.state === 'sent', 'the next upload');
  });

  it('on a touch screen, offers "Choisir un fichier / prendre une photo" and no drag and drop', async () => {
    window.matchMedia = ((query: string) => {
      const list = realMatchMedia.call(window, query);
      if (query !== '(pointer: coarse)') return list;
      return { matches: true, media: query, addEventListener() {}, removeEventListener() {} } as unknown as MediaQueryList;
    }) as typeof window.matchMedia;
    const folder = await clientFolder({ requests: ['Livret de famille'] });
    const el = await mount(folder);
    const all = text(root(el));
    expect(all).not.to.match(/glissez|déposez/i);
    expect(text(card(el, folder.requests[0].id).querySelector('[data-action="pick"]') as Element)).to.equal(
      'Choisir un fichier / prendre une photo',
    );
  });

  it('with a mouse, keeps the drop zone wording', async () => {
    const folder = await clientFolder({ requests: ['Livret de famille'] });
    const el = await mount(folder);
    expect(text(root(el))).to.contain('glissez-déposez');
    expect(text(card(el, folder.requests[0].id).querySelector('[data-action="pick"]') as Element)).to.equal('Ajouter un document');
  });

  it('words a request and its file with the same state, the badge top right of every card, at 1280 and 360 px', async () => {
    const folder = await clientFolder({
      requests: ["Carte Nationale d'Identité recto-verso (les deux faces sur la même page, lisibles)", 'RIB'],
    });
    const el = await mount(folder);
    const [cni] = folder.requests;
    pickFiles(fileInput(card(el, cni.id)), [pdfFile('cni.pdf')]);
    await waitFor(() => card(el, cni.id).dataset.state === 'sent', 'the upload');
    const badges = [...card(el, cni.id).querySelectorAll('.badge')].map(text);
    expect(badges).to.deep.equal(['Envoyé, en vérification', 'Envoyé, en vérification']);
    for (const width of [1280, 360]) {
      await setViewport({ width, height: 800 });
      for (const request of folder.requests) {
        const head = card(el, request.id).querySelector('.card-head') as HTMLElement;
        const badge = head.querySelector('.badge') as HTMLElement;
        const title = head.querySelector('h4') as HTMLElement;
        const [h, b, t] = [head, badge, title].map((node) => node.getBoundingClientRect());
        expect(Math.abs(b.right - h.right), `${width}px: badge at the right edge`).to.be.lessThan(1);
        expect(Math.abs(b.top - t.top), `${width}px: badge beside the title's first line`).to.be.lessThan(2);
      }
    }
  });

  it('has touch-sized "Voir" buttons: at least 24 px everywhere, 44 px on a phone', async () => {
    const folder = await clientFolder({ requests: ['RIB'] });
    const el = await mount(folder);
    const [rib] = folder.requests;
    pickFiles(fileInput(card(el, rib.id)), [pdfFile('rib.pdf')]);
    const view = await waitFor(() => card(el, rib.id).querySelector<HTMLButtonElement>('.files button'), 'the "Voir" button');
    await setViewport({ width: 1280, height: 800 });
    expect(view.getBoundingClientRect().height).to.be.at.least(24);
    await setViewport({ width: 360, height: 740 });
    expect(view.getBoundingClientRect().height).to.be.at.least(44);
  });
});
