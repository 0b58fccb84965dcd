/**
 * Browser-side helpers of `<lecoffre-folder>`'s tests (never imported by the widgets): the notary's
 * credential, files sent as the client would, the anchoring batch run on demand, and shadow-DOM lookups.
 * The Node side of the routes they call is folder.fixture.ts.
 */
import type { DocumentRequest } from '@lecoffre/sdk';
import { connect } from '../core/connection.js';
import { apiInfo, type ClientFolderFixture, clientFolder, officeApi, pdfFile, waitFor } from '../core/test-fixtures.js';
import { sendFiles } from '../core/upload.js';
import './folder.js';
import type { LeCoffreFolder } from './folder.js';

async function fixtureRoute<T>(route: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`/__lecoffre/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`fixture ${route}: ${data.error ?? response.status}`);
  return data;
}

/** A notary of the test office, signed in: `token` is what a vendor's back end would hand the widget. */
export function notarySession(role: 'notary' | 'collaborator' = 'notary'): Promise<{ memberId: string; token: string }> {
  return fixtureRoute('notary-session', { role });
}

/** Runs the anchoring batch now (local-dev anchor), as the job would within minutes. */
export function anchorCycle(): Promise<{ outcome: string }> {
  return fixtureRoute('anchor-cycle');
}

/** Sends a small PDF for one of the fixture's requests, as the client does from `<lecoffre-upload>`. */
export async function uploadAsClient(baseUrl: string, folder: ClientFolderFixture, requestIndex: number, name: string): Promise<void> {
  const request = folder.requests[requestIndex];
  if (!request) throw new Error(`the fixture has no request #${requestIndex}`);
  await sendFiles({
    connection: connect({ baseUrl, token: folder.token }),
    target: { kind: 'request', requestId: request.id },
    files: [pdfFile(name)],
  });
}

/** The first element matching `selector`, looking through open shadow roots, depth first. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** Every element matching `selector` through open shadow roots. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  const hosts = [...root.querySelectorAll('*')];
  if (root instanceof Element) hosts.unshift(root);
  for (const element of hosts) {
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** The visible text of an element and its shadow trees, whitespace collapsed. */
export function deepText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const element = node as Element;
    if (element.shadowRoot) walk(element.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A button found by its visible text or accessible name (aria-label), through shadow roots. */
export function buttonNamed(root: Element | ShadowRoot, name: string | RegExp): HTMLButtonElement | undefined {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  return deepQueryAll<HTMLButtonElement>(root, 'button').find(
    (button) => matches((button.getAttribute('aria-label') ?? '').trim()) || matches(deepText(button)),
  );
}

/** The open `<dialog>` of the inner element `tag` (e.g. `lecoffre-folder-viewer`), if it is open. */
export function openDialog(root: Element, tag: string): HTMLDialogElement | null {
  return (
    deepQueryAll(root, tag)
      .map((element) => element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'))
      .find((dialog) => dialog) ?? null
  );
}

/**
 * A fresh `<div>` in the page for one test (the previous test's is removed, which disconnects its elements
 * and stops their timers). Not @open-wc's fixture(): for a plain element it waits for an animation frame,
 * and a page the runner keeps in the background gets none, so the test would hang instead of failing.
 */
export function testHost(): HTMLDivElement {
  for (const old of document.querySelectorAll('[data-test-host]')) old.remove();
  const host = document.createElement('div');
  host.dataset.testHost = '';
  document.body.append(host);
  return host;
}

export interface MountedFolder {
  el: LeCoffreFolder;
  folder: ClientFolderFixture;
  baseUrl: string;
  notary: { memberId: string; token: string };
  /** Every LeCoffre event that reached the page, in order. */
  events: CustomEvent[];
}

const WATCHED = [
  'lecoffre-document-validated',
  'lecoffre-document-refused',
  'lecoffre-documents-requested',
  'lecoffre-folder-updated',
  'lecoffre-folder-archived',
  'lecoffre-folder-anchored',
  'lecoffre-error',
];

/** A folder with one client and the requests asked for (two by default), shown to a signed-in notary. */
export async function mountFolder(
  options: { lang?: string; requests?: string[]; rib?: boolean; pollInterval?: number } = {},
): Promise<MountedFolder> {
  const [{ baseUrl }, folder, notary] = await Promise.all([
    apiInfo(),
    clientFolder({ requests: options.requests, rib: options.rib }),
    notarySession(),
  ]);
  const events: CustomEvent[] = [];
  // Listened to on an ancestor: the events must bubble and leave the shadow root to get there.
  const host = testHost();
  for (const name of WATCHED) host.addEventListener(name, (event) => events.push(event as CustomEvent));
  const el = document.createElement('lecoffre-folder');
  el.setAttribute('folder-id', folder.folderId);
  el.setAttribute('token', notary.token);
  el.setAttribute('base-url', baseUrl);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.pollInterval) el.setAttribute('poll-interval', String(options.pollInterval));
  host.append(el);
  // Four reads at once on a machine other test files share: more than waitFor's default on a busy day.
  await waitFor(() => deepQuery(el, '[part="client"]'), 'the folder to load', 15_000).catch((error: Error) => {
    throw new Error(`${error.message}; shown: ${deepText(el)}; errors: ${JSON.stringify(events.map((event) => event.detail.message))}`);
  });
  // Archive and anchoring come in a chunk of their own, fetched alongside the folder's data (below-fold.ts).
  await waitFor(() => deepQuery(el, 'lecoffre-folder-anchor')?.shadowRoot?.querySelector('.row'), 'the anchoring part');
  return { el, folder, baseUrl, notary, events };
}

/** The card of the client named `name` (the first one by default). */
export function clientCard(el: LeCoffreFolder, name?: string): HTMLElement {
  const cards = deepQueryAll(el, 'lecoffre-folder-client');
  const card = name ? cards.find((candidate) => deepText(candidate).includes(name)) : cards[0];
  if (!card) throw new Error(`no client card${name ? ` for ${name}` : ''}`);
  return card;
}

/** The section (of the inner elements too) whose text starts with `heading`. */
export function section(el: LeCoffreFolder, heading: string): HTMLElement {
  const found = deepQueryAll(el, 'section').find((candidate) => deepText(candidate).startsWith(heading));
  if (!found) throw new Error(`no section "${heading}"`);
  return found;
}

export async function requestsFromApi(folderId: string): Promise<DocumentRequest[]> {
  return (await officeApi<{ data: DocumentRequest[] }>('GET', `/v1/folders/${folderId}/document-requests`)).data;
}

/** Like waitFor, for a check that has to ask the API: polls until it resolves to true. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether such a button is shown (a boolean: a failed assertion must not carry DOM nodes, which the runner cannot send). */
export function hasButton(root: Element | ShadowRoot, name: string | RegExp): boolean {
  return buttonNamed(root, name) !== undefined;
}
