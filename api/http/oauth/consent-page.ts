import { APP_SCOPE_WORDS, isAppScope } from '../../domain/app-scopes.js';
import { messagePage } from '../hosted/auth-pages.js';
import { escapeHtml, plainPage } from '../hosted/plain-page.js';

export interface ConsentView {
  uid: string;
  app: { name: string; logoUrl: string | null };
  office: { name: string };
  member: { name: string };
  scopes: string[];
}

/**
 * The office's consent screen: which app asks, for which office, and each scope in plain French (English
 * after). Two forms, no script: "Autoriser" and "Refuser" post back to the interaction.
 */
export function consentPage(view: ConsentView): string {
  const scopes = view.scopes
    .filter(isAppScope)
    .map((scope) => `<li>${escapeHtml(APP_SCOPE_WORDS[scope].fr)} <em lang="en">(${escapeHtml(APP_SCOPE_WORDS[scope].en)})</em></li>`)
    .join('\n');
  const logo = view.app.logoUrl ? `<p><img src="${escapeHtml(view.app.logoUrl)}" alt="" width="64" height="64"></p>` : '';
  const base = `/oauth/interaction/${encodeURIComponent(view.uid)}`;
  return plainPage({
    title: `Autoriser ${view.app.name} — LeCoffre`,
    body: `${logo}
<h1>${escapeHtml(view.app.name)} demande l’accès à votre office</h1>
<p>Connecté en tant que ${escapeHtml(view.member.name)}, notaire de l’office <strong>${escapeHtml(view.office.name)}</strong>.</p>
<p>Si vous l’autorisez, <strong>${escapeHtml(view.app.name)}</strong> pourra, pour cet office :</p>
<ul>
${scopes}
</ul>
<p>Vous pourrez déconnecter cette application à tout moment depuis l’espace notaire (Applications connectées).</p>
<p><em lang="en">${escapeHtml(view.app.name)} asks to access your office with the permissions above; you can disconnect it at any time.</em></p>
<form method="post" action="${base}/accept"><button type="submit">Autoriser</button></form>
<form method="post" action="${base}/refuse"><button type="submit">Refuser</button></form>`,
  });
}

/** Only a notary of the office may connect an app: what a collaborator or a pending member sees. */
export function consentRefusedPage(uid: string, reason: string): string {
  return plainPage({
    title: 'Autorisation impossible — LeCoffre',
    body: `<h1>Autorisation impossible</h1>
<p>${escapeHtml(reason)}</p>
<p>Seul un notaire de l’office, membre actif, peut connecter une application.</p>
<p><em lang="en">Only an active notary of the office can connect an app.</em></p>
<form method="post" action="/oauth/interaction/${encodeURIComponent(uid)}/refuse"><button type="submit">Revenir à l’application</button></form>`,
  });
}

/** The authorization server's own error pages (unknown client, wrong redirect URI, expired request). */
export function oauthErrorPage(error: { error: string; description?: string }): string {
  return messagePage({
    title: 'Demande d’autorisation invalide',
    french: [
      'Cette demande d’autorisation ne peut pas aboutir : l’application est inconnue, son adresse de retour n’est pas enregistrée, ou la demande a expiré.',
      `Code : ${error.error}`,
    ],
    english: `This authorization request cannot proceed (${error.error}${error.description ? `: ${error.description}` : ''}).`,
  });
}
