import type { Deed } from './deed-store.js';
import type { ReceivedWebhook } from './webhook-inbox.js';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const TITLE = 'Logiciel de rédaction — démo';

/**
 * Every time the demo shows is in the office's zone (LeCoffre's `office.timeZone`), whatever the server's or
 * the browser's (browser/deed-page.ts reads it from the page).
 */
const dateTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(new Date(iso));

function layout(title: string, body: string, scripts: string[] = []): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${TITLE}</title>
<link rel="stylesheet" href="/demo.css">
${scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('\n')}
</head>
<body>
<header class="app-bar">
<span class="app-name">${TITLE}</span>
<nav aria-label="Navigation"><a href="/">Actes</a> <a href="/webhooks">Webhooks reçus</a></nav>
<span class="user">Maître Caroline Pallut — SELAS AP NOTAIRES</span>
</header>
${body}
</body>
</html>`;
}

export interface DeedTypeOption {
  code: string;
  label: string;
}

export function deedListPage(deeds: readonly Deed[], deedTypes: readonly DeedTypeOption[]): string {
  const rows = deeds
    .map(
      (deed) => `<tr>
<td>${escapeHtml(deed.number)}</td>
<td><a href="/actes/${encodeURIComponent(deed.id)}">${escapeHtml(deed.title)}</a></td>
<td>${escapeHtml(deed.deedTypeLabel)}</td>
<td>${deed.folderId ? `<span class="tag linked">Dossier LeCoffre lié</span>` : '<span class="tag">Pas encore de dossier</span>'}</td>
</tr>`,
    )
    .join('\n');
  const options = deedTypes.map((type) => `<option value="${escapeHtml(type.code)}">${escapeHtml(type.label)}</option>`).join('');
  return layout(
    'Actes',
    `<main class="page">
<h1>Actes en cours</h1>
<p>Ouvrez un acte : la collecte des pièces du client se fait dans LeCoffre, intégré à la page de l’acte.</p>
<table class="deeds">
<thead><tr><th scope="col">N°</th><th scope="col">Intitulé</th><th scope="col">Type d’acte</th><th scope="col">LeCoffre</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Nouvel acte</h2>
<form method="post" action="/actes" class="new-deed">
<label>Intitulé <input name="title" required maxlength="200" placeholder="Vente Dupont / Leroy"></label>
<label>Type d’acte <select name="deedType" required>${options}</select></label>
<button type="submit">Créer l’acte</button>
</form>
</main>`,
  );
}

export interface DeedPageView {
  deed: Deed;
  folderId: string;
  token: string;
  /** The API as the browser reaches it. */
  apiUrl: string;
  /** The office's time zone (IANA). */
  timeZone: string;
}

export function deedPage({ deed, folderId, token, apiUrl, timeZone }: DeedPageView): string {
  return layout(
    deed.title,
    `<div class="deed-layout" data-deed-id="${escapeHtml(deed.id)}" data-folder-id="${escapeHtml(folderId)}" data-time-zone="${escapeHtml(timeZone)}">
<main class="page">
<p><a href="/">← Actes</a></p>
<h1>Acte ${escapeHtml(deed.number)} — ${escapeHtml(deed.title)}</h1>
<p class="muted">${escapeHtml(deed.deedTypeLabel)}. Pièces du client : LeCoffre, ci-dessous.</p>
<lecoffre-folder lang="fr" folder-id="${escapeHtml(folderId)}" token="${escapeHtml(token)}" base-url="${escapeHtml(apiUrl)}"></lecoffre-folder>
</main>
<aside class="side" aria-label="Journal de l’intégration">
<section>
<h2>Événements du composant</h2>
<p class="muted">Les <code>CustomEvent</code> que <code>&lt;lecoffre-folder&gt;</code> envoie à la page.</p>
<ol id="widget-events" class="log" aria-live="polite"></ol>
</section>
<section>
<h2>Webhooks reçus pour ce dossier</h2>
<p class="muted">Envoyés par LeCoffre au serveur du logiciel, signature vérifiée.</p>
<ol id="folder-webhooks" class="log"></ol>
</section>
</aside>
</div>`,
    [`${apiUrl}/assets/lecoffre-widgets.js`, '/demo.js'],
  );
}

export function webhooksPage(
  webhooks: readonly ReceivedWebhook[],
  deeds: readonly Deed[],
  problem: string | undefined,
  timeZone: string,
): string {
  const deedOf = (folderId: string | null) => (folderId ? deeds.find((deed) => deed.folderId === folderId) : undefined);
  const items = webhooks
    .map((webhook) => {
      const deed = deedOf(webhook.folderId);
      return `<li data-type="${escapeHtml(webhook.type)}">
<p><strong>${escapeHtml(webhook.type)}</strong> — ${dateTime(webhook.receivedAt, timeZone)}${
        deed ? ` — acte <a href="/actes/${encodeURIComponent(deed.id)}">${escapeHtml(deed.number)}</a>` : ''
      }${webhook.duplicates ? ` <span class="tag">reçu encore ${webhook.duplicates} fois, ignoré</span>` : ''}</p>
<p class="muted"><code>${escapeHtml(webhook.webhookId)}</code></p>
<details><summary>Contenu</summary><pre>${escapeHtml(JSON.stringify(webhook.event, null, 2))}</pre></details>
</li>`;
    })
    .join('\n');
  return layout(
    'Webhooks reçus',
    `<main class="page">
<h1>Webhooks reçus</h1>
${problem ? `<p class="problem" role="alert">Webhooks indisponibles : ${escapeHtml(problem)}</p>` : ''}
<p>Les événements que LeCoffre envoie au serveur du logiciel, du plus récent au plus ancien. Chacun est vérifié
(signature Standard Webhooks, avec le SDK) et dédoublonné sur <code>webhook-id</code>. <a href="/webhooks">Actualiser</a></p>
${webhooks.length ? `<ol class="log webhooks">${items}</ol>` : '<p class="muted">Aucun webhook reçu pour l’instant.</p>'}
</main>`,
  );
}

export function problemPage(title: string, message: string): string {
  return layout(title, `<main class="page"><h1>${escapeHtml(title)}</h1><p class="problem" role="alert">${escapeHtml(message)}</p></main>`);
}

export const DEMO_CSS = `html { background: #eef0f3; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1d23; }
.app-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; background: #3b2f63; color: #fff; padding: 0.6rem 1rem; }
.app-bar a { color: #fff; margin-right: 1rem; }
.app-name { font-weight: 700; }
.user { margin-left: auto; font-size: 0.9rem; }
.page { padding: 1rem 1.25rem 3rem; max-width: 72rem; }
.muted { color: #555b66; }
.problem { color: #b3261e; font-weight: 600; }
table.deeds { border-collapse: collapse; background: #fff; width: 100%; max-width: 60rem; }
table.deeds th, table.deeds td { text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid #c4c9d2; overflow-wrap: anywhere; }
/* A phone: each deed becomes a card of its cells, the column names read by screen readers only. */
@media (max-width: 40rem) {
  table.deeds, table.deeds tbody, table.deeds tr, table.deeds td { display: block; }
  table.deeds thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.deeds tr { border-bottom: 1px solid #c4c9d2; padding: 0.4rem 0; }
  table.deeds td { border: 0; padding: 0.15rem 0.75rem; }
}
.tag { display: inline-block; padding: 0.1em 0.5em; border-radius: 999px; border: 1px solid currentColor; font-size: 0.85em; color: #555b66; }
.tag.linked { color: #1d6b3a; }
form.new-deed { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
form.new-deed label { display: grid; gap: 0.25rem; }
input, select, button { font: inherit; min-height: 2.4rem; max-width: 100%; box-sizing: border-box; }
.deed-layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; }
/* minmax(0, …): a bare 1fr never shrinks below its content's widest line, which pushed the page past a phone. */
@media (max-width: 60rem) { .deed-layout { grid-template-columns: minmax(0, 1fr); } }
.deed-layout lecoffre-folder { display: block; min-width: 0; }
.side { background: #fff; border-left: 1px solid #c4c9d2; padding: 1rem; font-size: 0.9rem; }
/* The page's h1 names the deed: the element's own heading would repeat it. */
.deed-layout lecoffre-folder::part(header) { display: none; }
.side h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.side section + section { margin-top: 1.5rem; }
ol.log { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; gap: 0.5rem; }
ol.log li { background: #f3f5f8; border-radius: 6px; padding: 0.4rem 0.6rem; overflow-wrap: anywhere; }
ol.log li p { margin: 0.1rem 0; }
ol.webhooks li { background: #fff; }
pre { white-space: pre-wrap; font-size: 0.8rem; }
`;
