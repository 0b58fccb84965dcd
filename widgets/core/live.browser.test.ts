import { expect } from '@open-wc/testing';
import '../folder/folder.js';
import { buttonNamed, clientCard, deepText, mountFolder, openDialog, uploadAsClient } from '../folder/test-helpers.js';
import '../upload/upload.js';
import type { LeCoffreUpload } from '../upload/upload.js';
import { officeApi, pdfFile, pickFiles, waitFor } from './test-fixtures.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

/** The page's live state (widgets/core/live.ts keeps it on globalThis, shared by every element). */
const liveStreams = () =>
  (globalThis as unknown as Record<symbol, { streams: Map<string, unknown> } | undefined>)[Symbol.for('lecoffre.live')]?.streams;

const uploadCard = (el: LeCoffreUpload, requestId: string) =>
  (el.shadowRoot as ShadowRoot).querySelector<HTMLElement>(`[data-request-id="${requestId}"]`);

describe('live updates: the elements of one page share one stream and agree', () => {
  it('an upload in <lecoffre-upload> shows in <lecoffre-folder>, a review in <lecoffre-folder> shows in <lecoffre-upload>', async function () {
    this.timeout(20_000);
    const { el: folderEl, folder, baseUrl } = await mountFolder();
    // The client's widget beside the notary's, with its own token (as a vendor's preview page would).
    const upload = document.createElement('lecoffre-upload');
    upload.setAttribute('token', folder.token);
    upload.setAttribute('base-url', baseUrl);
    folderEl.after(upload);
    const request = folder.requests[0];
    const card = await waitFor(() => uploadCard(upload, request.id), 'the client’s request card');
    expect(liveStreams()?.size).to.equal(1, 'one stream for the folder, whichever elements follow it');

    pickFiles(card.querySelector('input[type="file"]') as HTMLInputElement, [pdfFile('cni-live.pdf')]);
    const toReview = await waitFor(() => buttonNamed(clientCard(folderEl), /cni-live\.pdf/), 'the upload in <lecoffre-folder>');
    expect(deepText(clientCard(folderEl))).to.contain('cni-live.pdf');

    toReview.click();
    const viewer = await waitFor(() => openDialog(folderEl, 'lecoffre-folder-viewer'), 'the viewer');
    (await waitFor(() => viewer.querySelector<HTMLButtonElement>('[data-action="validate"]:not([disabled])'), 'Valider')).click();
    await waitFor(() => uploadCard(upload, request.id)?.dataset.state === 'validated', 'the validation in <lecoffre-upload>');
    upload.remove();
  });

  it('a change made elsewhere (the office, through the API) shows in both without any action on the page', async function () {
    this.timeout(20_000);
    const { el: folderEl, folder, baseUrl } = await mountFolder();
    const upload = document.createElement('lecoffre-upload');
    upload.setAttribute('token', folder.token);
    upload.setAttribute('base-url', baseUrl);
    folderEl.after(upload);
    const request = folder.requests[1];
    await waitFor(() => uploadCard(upload, request.id), 'the client’s request card');
    // Both elements hold their data; wait for the stream to be ready before changing anything elsewhere.
    await waitFor(() => liveStreams()?.size === 1, 'the stream').catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify([...(liveStreams()?.keys() ?? [])])}`);
    });
    // The client sends a file from another device: the notary's element shows it, the client's too.
    await uploadAsClient(baseUrl, folder, 1, 'avis-ailleurs.pdf');
    await waitFor(() => buttonNamed(clientCard(folderEl), /avis-ailleurs\.pdf/), 'the upload in <lecoffre-folder>', 6000);
    await waitFor(
      () => uploadCard(upload, request.id)?.textContent?.includes('avis-ailleurs.pdf'),
      'the upload in <lecoffre-upload>',
      6000,
    );
    // The office refuses it through its own software: the client's element shows the reason.
    const { data } = await officeApi<{ data: Array<{ id: string; files: Array<{ id: string }> }> }>(
      'GET',
      `/v1/folders/${folder.folderId}/document-requests`,
    );
    const fileId = data.find((r) => r.id === request.id)?.files[0]?.id as string;
    await officeApi('POST', `/v1/files/${fileId}/refuse`, { reason: 'Illisible, merci de renvoyer.' });
    await waitFor(() => uploadCard(upload, request.id)?.dataset.state === 'refused', 'the refusal in <lecoffre-upload>', 6000);
    expect(uploadCard(upload, request.id)?.textContent).to.contain('Illisible');
    upload.remove();
    folderEl.remove();
    await waitFor(() => liveStreams()?.size === 0, 'the stream closed once no element follows it');
  });
});
