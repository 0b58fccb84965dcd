import type { DocumentRequest } from '@lecoffre/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { announceChange } from '../core/live.js';
import {
  apiInfo,
  type ClientFolderFixture,
  clientFolder,
  expireWidgetSession,
  mintWidgetSession,
  officeApi,
  pdfFile,
  pickFiles,
  waitFor,
} from '../core/test-fixtures.js';
import './upload.js';
import type { LeCoffreUpload } from './upload.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

const root = (el: LeCoffreUpload) => el.shadowRoot as ShadowRoot;
const text = (el: LeCoffreUpload) => (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
const card = (el: LeCoffreUpload, requestId: string) => root(el).querySelector<HTMLElement>(`[data-request-id="${requestId}"]`);

async function mount(folder: ClientFolderFixture): Promise<{ el: LeCoffreUpload; events: CustomEvent[] }> {
  const { baseUrl } = await apiInfo();
  const events: CustomEvent[] = [];
  const el = await fixture<LeCoffreUpload>(html`<lecoffre-upload token=${folder.token} base-url=${baseUrl}></lecoffre-upload>`);
  // Those sent from inner parts must leave the shadow root to reach the element itself.
  for (const name of ['lecoffre-error', 'lecoffre-session-expired', 'lecoffre-document-uploaded']) {
    el.addEventListener(name, (event) => events.push(event as CustomEvent));
  }
  await waitFor(() => root(el).querySelector('[data-request-id]'), 'the folder to load');
  return { el, events };
}

async function filesOf(folder: ClientFolderFixture, requestId: string): Promise<DocumentRequest['files']> {
  const { data } = await officeApi<{ data: DocumentRequest[] }>('GET', `/v1/folders/${folder.folderId}/document-requests`);
  return (data.find((request) => request.id === requestId) as DocumentRequest).files;
}

const names = (events: CustomEvent[]) => events.map((event) => event.type);

describe('<lecoffre-upload> with a widget session that expires', () => {
  it('keeps reading and uploading through its tokenProvider: asked once per expiry, each file stored once', async function () {
    // A busy machine: the API's start and two token renewals take more than mocha's default.
    this.timeout(30_000);
    const folder = await clientFolder();
    const { el, events } = await mount(folder);
    const tokens: string[] = [];
    el.tokenProvider = async () => {
      tokens.push(await mintWidgetSession({ clientId: folder.clientId, folderId: folder.folderId }));
      return tokens[tokens.length - 1];
    };

    // Reads: who is signed in and the folders go out together, both refused, both retried with one token.
    await expireWidgetSession(folder.token);
    await el.reload();
    expect(tokens).to.have.length(1);
    expect(names(events)).to.deep.equal([]);

    // An upload (XMLHttpRequest, not the SDK) refused in turn: a new token, the same Idempotency-Key.
    await expireWidgetSession(tokens[0]);
    const [cni] = folder.requests;
    const uploaded = new Promise((resolve) => el.addEventListener('lecoffre-document-uploaded', resolve, { once: true }));
    pickFiles(card(el, cni.id)?.querySelector('input[type="file"]') as HTMLInputElement, [pdfFile('cni.pdf')]);
    await uploaded;
    expect(tokens).to.have.length(2);
    await waitFor(() => card(el, cni.id)?.dataset.state === 'sent', 'the card to show the file under review');
    expect((await filesOf(folder, cni.id)).map((file) => file.name)).to.deep.equal(['cni.pdf']);
    expect(names(events)).to.deep.equal(['lecoffre-document-uploaded']);
  });

  it('without a tokenProvider, an upload refused for an expired session says to reload the page', async function () {
    this.timeout(30_000);
    const folder = await clientFolder();
    const { el, events } = await mount(folder);
    await expireWidgetSession(folder.token);

    const [cni] = folder.requests;
    const expired = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('lecoffre-session-expired', (event) => resolve(event as CustomEvent), { once: true }),
    );
    pickFiles(card(el, cni.id)?.querySelector('input[type="file"]') as HTMLInputElement, [pdfFile('cni.pdf')]);
    const event = await expired;
    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.detail.element).to.equal(el);
    expect(event.detail.requestId).to.be.a('string');
    await waitFor(() => text(el).includes('La session a expiré. Rechargez la page.'), 'the message beside the file');
    expect(text(el)).not.to.contain('reconnectez-vous');

    // refresh() fails the same way: reported as lecoffre-error (the expiry was already told), shown in the page.
    // A live re-read fails beside it (the user did not ask for that one): it reports nothing.
    expect(names(events)).to.deep.equal(['lecoffre-error', 'lecoffre-session-expired']);
    announceChange({ folderId: folder.folderId, type: 'document.validated' });
    await el.refresh();
    expect(events.slice(2).map((event) => [event.type, event.detail.message])).to.deep.equal([
      ['lecoffre-error', 'La session a expiré. Rechargez la page.'],
    ]);
    expect(root(el).querySelector('[role="alert"]')?.textContent).to.contain('La session a expiré. Rechargez la page.');
    expect(await filesOf(folder, cni.id)).to.have.length(0);
  });
});
