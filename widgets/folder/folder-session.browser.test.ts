import { expect } from '@open-wc/testing';
import { apiInfo, clientFolder, expireWidgetSession, mintWidgetSession, waitFor } from '../core/test-fixtures.js';
import './folder.js';
import type { LeCoffreFolder } from './folder.js';
import { deepQuery, deepText, notarySession, testHost } from './test-helpers.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => Promise<void>): void;

// These tests count what one expiry reports. The folder's live stream (tested on its own) reconnects and
// renews on its own schedule and would race those counts: here its requests never answer.
const pageFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  /\/live(\?|$)/.test(String(input instanceof Request ? input.url : input)) ? new Promise<Response>(() => {}) : pageFetch(input, init);

interface Embedded {
  el: LeCoffreFolder;
  /** The widget session the page was served with. */
  token: string;
  mint: () => Promise<string>;
  /** Every `lecoffre-error` and `lecoffre-session-expired` that reached the page, in order. */
  events: CustomEvent[];
}

/** `<lecoffre-folder>` as a vendor's page embeds it: a notary's widget session bound to the folder. */
async function embed(lang?: string): Promise<Embedded> {
  const [{ baseUrl }, folder, notary] = await Promise.all([apiInfo(), clientFolder(), notarySession()]);
  const mint = () => mintWidgetSession({ memberId: notary.memberId, folderId: folder.folderId });
  const token = await mint();
  const events: CustomEvent[] = [];
  // Listened to above the element: both events must bubble and leave the shadow root.
  const host = testHost();
  for (const name of ['lecoffre-error', 'lecoffre-session-expired'])
    host.addEventListener(name, (event) => events.push(event as CustomEvent));
  const el = document.createElement('lecoffre-folder');
  el.setAttribute('folder-id', folder.folderId);
  el.setAttribute('token', token);
  el.setAttribute('base-url', baseUrl);
  // Set before the first render: a language change re-reads the words it shows, which would race an expiry.
  if (lang) el.setAttribute('lang', lang);
  host.append(el);
  await waitFor(() => deepQuery(el, '[part="client"]'), 'the folder to load');
  // The office's RIBs are read last: the session must expire after every read of the first render.
  await waitFor(() => deepQuery(el, 'lecoffre-folder-shared')?.shadowRoot?.querySelector('form, .meta'), 'the RIBs to load');
  return { el, token, mint, events };
}

const names = (events: CustomEvent[]) => events.map((event) => event.type);

/**
 * One expiry is told once: a `lecoffre-error` then one `lecoffre-session-expired`. Reads running beside the one
 * under test (a live update, an inner part) may add `lecoffre-error`s, never a second expiry.
 */
function expectOneExpiry(events: CustomEvent[], message: string): void {
  expect(names(events).slice(0, 2)).to.deep.equal(['lecoffre-error', 'lecoffre-session-expired']);
  expect(events.slice(2).map((event) => [event.type, event.detail.message])).to.deep.equal(
    events.slice(2).map(() => ['lecoffre-error', message]),
  );
}

describe('<lecoffre-folder> with a widget session that expires', () => {
  it('asks its tokenProvider once for the reads that failed together, and keeps working', async () => {
    const { el, token, mint, events } = await embed();
    let calls = 0;
    el.tokenProvider = () => {
      calls += 1;
      return mint();
    };
    await expireWidgetSession(token);

    // Three reads at once (folder, requests, shared documents), all refused: one new token serves them.
    await el.refresh();
    expect(calls).to.equal(1);
    expect(names(events)).to.deep.equal([]);
    // The attribute keeps the page's token: the new one is the connection's, shared by the inner elements.
    expect(el.token).to.equal(token);
    await el.refresh();
    expect(calls).to.equal(1);
    expect(deepText(el)).to.contain('Succession Pallut');
  });

  it('without a tokenProvider, refresh() reports lecoffre-error and lecoffre-session-expired, and says to reload', async () => {
    const { el, token, events } = await embed();
    await expireWidgetSession(token);

    await el.refresh();
    expectOneExpiry(events, 'La session a expiré. Rechargez la page.');
    const [error, expired] = events;
    expect(error.detail.status).to.equal(401);
    expect(error.detail.message).to.equal('La session a expiré. Rechargez la page.');
    expect(expired.composed && expired.bubbles).to.equal(true);
    expect(expired.detail.element).to.equal(el);
    expect(expired.detail.requestId).to.be.a('string');
    expect(expired.detail.requestId).to.equal(error.detail.requestId);
    await waitFor(() => deepText(el).includes('La session a expiré. Rechargez la page.'), 'the message in the page');
    expect(deepText(el)).not.to.contain('reconnectez-vous');

    // Once per expiry: another failure says it again as an error, not as a new expiry.
    const before = events.length;
    await el.refresh();
    expect(events.length).to.be.greaterThan(before);
    expectOneExpiry(events, 'La session a expiré. Rechargez la page.');
  });

  it('when the tokenProvider fails, asks it once and reports the session expired, in English with lang="en"', async () => {
    const { el, token, events } = await embed('en');
    let calls = 0;
    el.tokenProvider = async () => {
      calls += 1;
      throw new Error('the vendor’s server is down');
    };
    await expireWidgetSession(token);

    await el.refresh();
    expect(calls).to.equal(1);
    expectOneExpiry(events, 'The session has expired. Reload the page.');
    await waitFor(() => deepText(el).includes('The session has expired. Reload the page.'), 'the message in the page');
  });
});
