/**
 * Browser-side helpers for `*.browser.test.ts`: they reach the real API started for the test run through
 * the test runner's dev-only routes (test/support/browser-api.ts). Never imported by the widgets.
 */

export interface ClientFolderFixture {
  folderId: string;
  folderNumber: string;
  clientId: string;
  clientEmail: string;
  /** A widget session (`lcw_…`) for the client, bound to the folder. */
  token: string;
  requests: { id: string; label: string }[];
  sharedId: string | null;
}

async function fixture<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__lecoffre/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`fixture ${route}: ${data.error ?? response.status}`);
  return data;
}

/** Where the API listens (a loopback origin other than the test page's: calls are cross-origin, as on a vendor's page). */
export function apiInfo(): Promise<{ baseUrl: string; maxUploadBytes: number }> {
  return fixture('GET', 'api');
}

/** A call with the test office's API key, e.g. the notary refusing a file. Throws on a non-2xx answer. */
export async function officeApi<T = unknown>(method: string, path: string, json?: unknown): Promise<T> {
  const { status, body } = await fixture<{ status: number; body: T }>('POST', 'office-api', { method, path, json });
  if (status >= 300) throw new Error(`${method} ${path} -> ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Cuts (false) or restores (true) the network between the page and the API; `hold`: a request whose bytes
 * carry that text (e.g. a document request's id, in an upload's URL) stays in flight, nothing of it
 * reaching the API, until the next call.
 */
export async function setNetwork(online: boolean, options: { hold?: string } = {}): Promise<void> {
  await fixture('POST', 'network', { online, hold: options.hold });
}

/** A folder with one client, requested documents (two by default), optionally a shared RIB, and the client's token. */
export function clientFolder(options: { requests?: string[]; rib?: boolean } = {}): Promise<ClientFolderFixture> {
  return fixture('POST', 'client-folder', options);
}

/** A new widget session, as a vendor's back end mints one for its page: for a client or a member. */
export async function mintWidgetSession(owner: { clientId?: string; memberId?: string; folderId?: string }): Promise<string> {
  return (await officeApi<{ token: string }>('POST', '/v1/widget-sessions', owner)).token;
}

/** Ends a widget session now, as if its minutes had run out: its next request gets a 401. */
export async function expireWidgetSession(token: string): Promise<void> {
  const { expired } = await fixture<{ expired: number }>('POST', 'expire-widget-session', { token });
  if (expired !== 1) throw new Error('no such widget session to expire');
}

/** A tiny valid PDF (the API checks the bytes, not the name). */
export function pdfFile(name = 'document.pdf', padding = 0): File {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%${'0'.repeat(padding)}\n%%EOF\n`;
  return new File([body], name, { type: 'application/pdf' });
}

/** Files as if the user picked them: sets `input.files` and fires `change`. */
export function pickFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Files as if the user dropped them on `target`. */
export function dropFiles(target: Element, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** axe-core's wcag2a + wcag2aa + wcag21aa rules on `element` (shadow roots included): the violations, as readable lines. */
export async function axeViolations(element: Element): Promise<string[]> {
  // axe's browser build registers itself on window when imported as a module.
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const results = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** The element that has keyboard focus, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
