import { expect } from '@open-wc/testing';
import { apiInfo, clientFolder, waitFor } from './core/test-fixtures.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

// No element module is imported statically here: the loader alone must bring each element's code.
describe('lecoffre-loader.js: each element defined on first use, with only its own code', () => {
  it('defines an element already in the page, then one added later; the others are never downloaded', async function () {
    this.timeout(20_000);
    const [{ baseUrl }, folder] = await Promise.all([apiInfo(), clientFolder({ requests: ['Livret de famille'] })]);
    const upload = document.createElement('lecoffre-upload') as HTMLElement & { tokenProvider?: () => Promise<string> };
    upload.setAttribute('token', folder.token);
    upload.setAttribute('base-url', baseUrl);
    // Set before the element's code exists, as a vendor's page script may: kept through the upgrade.
    const provider = async () => folder.token;
    upload.tokenProvider = provider;
    document.body.append(upload);
    expect(customElements.get('lecoffre-upload')).to.equal(undefined);

    await import('./loader.js');
    await customElements.whenDefined('lecoffre-upload');
    await waitFor(() => upload.shadowRoot?.querySelector('[data-request-id]'), 'the client’s request card', 15_000);
    expect(upload.tokenProvider).to.equal(provider);
    expect(customElements.get('lecoffre-folder'), 'the notary’s folder view is not loaded for a client’s page').to.equal(undefined);

    // Added after the loader ran (a single-page app rendering later).
    const bar = document.createElement('lecoffre-completion-bar');
    document.body.append(document.createElement('div').appendChild(bar).parentElement as HTMLElement);
    await customElements.whenDefined('lecoffre-completion-bar');
    expect(customElements.get('lecoffre-folder-list')).to.equal(undefined);
    upload.remove();
  });
});
