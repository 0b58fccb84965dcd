import { expect } from '@open-wc/testing';
import { connect } from '../core/connection.js';
import { axeViolations, pdfFile, waitFor } from '../core/test-fixtures.js';
import { sendFiles } from '../core/upload.js';
import { buttonNamed, clientCard, deepText, mountFolder, openDialog } from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

describe('<lecoffre-folder>: documents supplémentaires', () => {
  it('shows what the client sent without a request, to open and validate like the others', async () => {
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
});
