/**
 * The deed page's script (served as /demo.js, compiled from this file; no imports, no framework): what a
 * vendor writes around `<lecoffre-folder>`. It logs the element's CustomEvents in the side panel, gives
 * the element a way to get a fresh widget session once the one in the page has expired (`tokenProvider`),
 * and shows the webhooks the vendor's server received for this folder.
 */

const WIDGET_EVENTS = [
  'lecoffre-documents-requested',
  'lecoffre-document-uploaded',
  'lecoffre-document-validated',
  'lecoffre-document-refused',
  'lecoffre-folder-updated',
  'lecoffre-folder-archived',
  'lecoffre-folder-anchored',
  'lecoffre-error',
  'lecoffre-session-expired',
] as const;

const WEBHOOK_POLL_MS = 2000;

interface ReceivedWebhook {
  webhookId: string;
  type: string;
  receivedAt: string;
  duplicates: number;
}

const layout = document.querySelector<HTMLElement>('[data-deed-id]');
const folder = document.querySelector<HTMLElement & { tokenProvider?: () => Promise<string> }>('lecoffre-folder');
const eventLog = document.getElementById('widget-events');
const webhookLog = document.getElementById('folder-webhooks');

// The office's time zone, as the server's pages show times (the page says which): the browser's own zone
// would show one webhook at two different hours on two pages.
const timeZone = layout?.dataset.timeZone ?? 'Europe/Paris';
const time = (date: Date) => date.toLocaleTimeString('fr-FR', { timeZone });

function entry(title: string, when: Date, detail?: string): HTMLLIElement {
  const item = document.createElement('li');
  const head = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = title;
  head.append(strong, ` — ${time(when)}`);
  item.append(head);
  if (detail) {
    const line = document.createElement('p');
    line.className = 'muted';
    line.textContent = detail;
    item.append(line);
  }
  return item;
}

/** One line a person can read from an event's detail (the file, the reason, the error). */
function summary(name: string, detail: Record<string, unknown>): string {
  const file = detail.file as { originalName?: string } | undefined;
  if (name === 'lecoffre-document-refused') return `${file?.originalName ?? ''} : « ${String(detail.reason)} »`;
  if (file?.originalName) return file.originalName;
  if (Array.isArray(detail.requests)) return `${detail.requests.length} document(s) demandé(s)`;
  if (name === 'lecoffre-error') return `${String(detail.code)} : ${String(detail.message)}`;
  if (name === 'lecoffre-session-expired') return String(detail.message);
  return '';
}

for (const name of WIDGET_EVENTS) {
  // The events bubble and are composed: the page listens once, above every element.
  document.addEventListener(name, (event) => {
    const detail = ((event as CustomEvent).detail ?? {}) as Record<string, unknown>;
    const item = entry(name, new Date(), summary(name, detail));
    item.dataset.event = name;
    eventLog?.prepend(item);
  });
}

// A widget session lasts 15 minutes: when the API refuses it, the element asks the page for a new one,
// and the page asks its own server (the API key never reaches the browser). The element retries the
// refused call with it, so the notary sees nothing; setting `token` instead would reload the whole folder.
if (folder && layout) {
  folder.tokenProvider = async () => {
    const response = await fetch(`/actes/${encodeURIComponent(layout.dataset.deedId ?? '')}/session`, { method: 'POST' });
    if (!response.ok) throw new Error(`no new widget session: HTTP ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
}

async function showWebhooks(): Promise<void> {
  if (!layout || !webhookLog) return;
  try {
    const response = await fetch(`/webhooks.json?folderId=${encodeURIComponent(layout.dataset.folderId ?? '')}`);
    if (!response.ok) return;
    const webhooks = (await response.json()) as ReceivedWebhook[];
    webhookLog.replaceChildren(
      ...webhooks.map((webhook) => {
        const item = entry(
          webhook.type,
          new Date(webhook.receivedAt),
          webhook.duplicates ? `reçu encore ${webhook.duplicates} fois, ignoré` : undefined,
        );
        item.dataset.webhookType = webhook.type;
        return item;
      }),
    );
  } catch {
    // The demo host is restarting: the next poll shows them.
  } finally {
    setTimeout(() => void showWebhooks(), WEBHOOK_POLL_MS);
  }
}

void showWebhooks();
