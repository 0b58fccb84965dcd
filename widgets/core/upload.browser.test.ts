import { expect } from '@open-wc/testing';
import { connect } from './connection.js';
import { apiInfo, clientFolder, pdfFile } from './test-fixtures.js';
import { sendFiles } from './upload.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

/** What the API now holds for one of the folder's requests. */
async function storedFor(connection: ReturnType<typeof connect>, folderId: string, requestId: string) {
  for await (const request of connection.client.documentRequests.list(folderId)) if (request.id === requestId) return request;
  throw new Error(`no request ${requestId}`);
}

describe('uploads through the SDK (files.upload, XMLHttpRequest in the browser)', () => {
  it('reports the bytes of each file as they leave, up to every byte, then stores them', async function () {
    this.timeout(30_000);
    const { baseUrl, maxUploadBytes } = await apiInfo();
    const folder = await clientFolder({ requests: ['Avis d’imposition'] });
    const connection = connect({ baseUrl, token: folder.token });
    const files = [pdfFile('avis.pdf', Math.min(4 * 1024 * 1024, maxUploadBytes / 2)), pdfFile('annexe.pdf')];
    const seen: number[][] = [];
    const stored = await sendFiles({
      connection,
      target: { kind: 'request', requestId: folder.requests[0].id },
      files,
      onProgress: (sent) => seen.push(sent),
    });
    expect(stored.map((file) => file.name)).to.deep.equal(['avis.pdf', 'annexe.pdf']);
    expect(seen.length).to.be.greaterThan(0);
    const totals = seen.map((sent) => sent[0] + sent[1]);
    totals.forEach((total, index) => {
      if (index > 0) expect(total).to.be.at.least(totals[index - 1]);
    });
    expect(seen.at(-1)).to.deep.equal([files[0].size, files[1].size]);
  });

  it('stops when the page aborts, rejecting with its reason, and stores nothing', async () => {
    const { baseUrl } = await apiInfo();
    const folder = await clientFolder({ requests: ['Pièce d’identité'] });
    const connection = connect({ baseUrl, token: folder.token });
    const controller = new AbortController();
    const reason = new DOMException('Annulé', 'AbortError');
    const sending = sendFiles({
      connection,
      target: { kind: 'request', requestId: folder.requests[0].id },
      files: [pdfFile('identite.pdf', 512 * 1024)],
      signal: controller.signal,
      onProgress: () => {},
    });
    // While the SDK still hashes the file: deterministic, where aborting mid-send races a fast loopback.
    controller.abort(reason);
    let failure: unknown;
    await sending.catch((error: unknown) => {
      failure = error;
    });
    expect(failure).to.equal(reason);
    const request = await storedFor(connection, folder.folderId, folder.requests[0].id);
    expect(request.files).to.have.length(0);
    expect(request.status).to.equal('requested');
  });
});
