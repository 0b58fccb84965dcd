import { DEFAULT_TIME_ZONE } from '@lecoffre/sdk/node';
import type { ConnectedOffice, Deed } from './deed-store.js';
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
</header>
${body}
</body>
</html>`;
}

export interface DeedTypeOption {
  code: string;
  label: string;
}

/** The offices connected to the software, each with "Déconnecter", and "Connecter un office". */
function officesSection(offices: readonly ConnectedOffice[]): string {
  const items = offices
    .map(
      (office) => `<li data-office-id="${escapeHtml(office.officeId)}">
<span><strong>${escapeHtml(office.name)}</strong> <span class="muted">CRPCEN ${escapeHtml(office.crpcen)}</span></span>
<form method="post" action="/offices/${encodeURIComponent(office.officeId)}/deconnecter"><button type="submit">Déconnecter</button></form>
</li>`,
    )
    .join('\n');
  return `<section class="offices" aria-labelledby="offices-title">
<h2 id="offices-title">Offices connectés</h2>
<p class="muted">Un notaire de l’office autorise le logiciel dans LeCoffre (écran de consentement) ; le logiciel agit ensuite pour cet office seulement.</p>
${offices.length ? `<ul class="office-list">${items}</ul>` : '<p>Aucun office connecté pour l’instant.</p>'}
<p><a class="button" href="/offices/connecter">Connecter un office</a></p>
</section>`;
}

export function deedListPage(
  deeds: readonly Deed[],
  deedTypes: readonly DeedTypeOption[],
  offices: readonly ConnectedOffice[],
  notice?: string,
): string {
  const officeName = (officeId: string) => offices.find((office) => office.officeId === officeId)?.name;
  const rows = deeds
    .map((deed) => {
      const office = officeName(deed.officeId);
      return `<tr data-office-id="${escapeHtml(deed.officeId)}">
<td>${escapeHtml(deed.number)}</td>
<td>${office ? `<a href="/actes/${encodeURIComponent(deed.id)}">${escapeHtml(deed.title)}</a>` : escapeHtml(deed.title)}</td>
<td>${escapeHtml(deed.deedTypeLabel)}</td>
<td>${office ? escapeHtml(office) : '<span class="tag">Office déconnecté</span>'}</td>
<td>${deed.folderId ? `<span class="tag linked">Dossier LeCoffre lié</span>` : '<span class="tag">Pas encore de dossier</span>'}</td>
</tr>`;
    })
    .join('\n');
  const types = deedTypes.map((type) => `<option value="${escapeHtml(type.code)}">${escapeHtml(type.label)}</option>`).join('');
  const officeOptions = offices
    .map((office) => `<option value="${escapeHtml(office.officeId)}">${escapeHtml(office.name)}</option>`)
    .join('');
  return layout(
    'Actes',
    `<main class="page">
<h1>Actes en cours</h1>
${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
${officesSection(offices)}
<p>Ouvrez un acte : la collecte des pièces du client se fait dans LeCoffre, intégré à la page de l’acte, dans l’office de l’acte.</p>
${
  deeds.length
    ? `<table class="deeds">
<thead><tr><th scope="col">N°</th><th scope="col">Intitulé</th><th scope="col">Type d’acte</th><th scope="col">Office</th><th scope="col">LeCoffre</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p class="muted">Aucun acte : connectez un office pour commencer.</p>'
}
<h2>Nouvel acte</h2>
${
  offices.length
    ? `<form method="post" action="/actes" class="new-deed">
<label>Office <select name="officeId" required>${officeOptions}</select></label>
<label>Intitulé <input name="title" required maxlength="200" placeholder="Vente Dupont / Leroy"></label>
<label>Type d’acte <select name="deedType" required>${types}</select></label>
<button type="submit">Créer l’acte</button>
</form>`
    : '<p class="muted">Connectez un office pour créer un acte.</p>'
}
</main>`,
  );
}

export interface DeedPageView {
  deed: Deed;
  folderId: string;
  token: string;
  /** The API as the browser reaches it. */
  apiUrl: string;
  office: ConnectedOffice;
}

export function deedPage({ deed, folderId, token, apiUrl, office }: DeedPageView): string {
  return layout(
    deed.title,
    `<div class="deed-layout" data-deed-id="${escapeHtml(deed.id)}" data-folder-id="${escapeHtml(folderId)}" data-time-zone="${escapeHtml(office.timeZone)}">
<main class="page">
<p><a href="/">← Actes</a></p>
<h1>Acte ${escapeHtml(deed.number)} — ${escapeHtml(deed.title)}</h1>
<p class="muted">${escapeHtml(deed.deedTypeLabel)}, ${escapeHtml(office.name)}. Pièces du client : LeCoffre, ci-dessous.</p>
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
    // The loader: the page downloads the folder element's code only, not every element's.
    [`${apiUrl}/assets/lecoffre-loader.js`, '/demo.js'],
  );
}

export function webhooksPage(
  webhooks: readonly ReceivedWebhook[],
  deeds: readonly Deed[],
  problem: string | undefined,
  offices: readonly ConnectedOffice[],
): string {
  const officeOf = (officeId: string) => offices.find((office) => office.officeId === officeId);
  const deedOf = (folderId: string | null) => (folderId ? deeds.find((deed) => deed.folderId === folderId) : undefined);
  const items = webhooks
    .map((webhook) => {
      const deed = deedOf(webhook.folderId);
      const office = officeOf(webhook.officeId);
      return `<li data-type="${escapeHtml(webhook.type)}" data-office-id="${escapeHtml(webhook.officeId)}">
<p><strong>${escapeHtml(webhook.type)}</strong> — ${dateTime(webhook.receivedAt, office?.timeZone ?? DEFAULT_TIME_ZONE)} — ${escapeHtml(office?.name ?? webhook.officeId)}${
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
<p>Les événements que LeCoffre envoie au serveur du logiciel, pour tous les offices connectés, du plus récent au
plus ancien. Chacun est vérifié (signature Standard Webhooks, secret de l’application, avec le SDK) et dédoublonné
sur <code>webhook-id</code>. <a href="/webhooks">Actualiser</a></p>
${webhooks.length ? `<ol class="log webhooks">${items}</ol>` : '<p class="muted">Aucun webhook reçu pour l’instant.</p>'}
</main>`,
  );
}

export function problemPage(title: string, message: string): string {
  return layout(title, `<main class="page"><h1>${escapeHtml(title)}</h1><p class="problem" role="alert">${escapeHtml(message)}</p></main>`);
}
