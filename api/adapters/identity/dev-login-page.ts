import type { DevAccount } from './dev-accounts.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The dev provider's login page: one button per seeded account. No script: the app's CSP forbids inline ones. */
export function devLoginPage(interactionPath: string, accounts: DevAccount[]): string {
  const rows = accounts
    .map(
      (a) => `<li><form method="post" action="${escapeHtml(interactionPath)}/login">
  <input type="hidden" name="subject" value="${escapeHtml(a.subject)}">
  <button type="submit">${escapeHtml(`${a.firstName} ${a.lastName}`)}</button>
  <span>${escapeHtml(a.subject)} · ${escapeHtml(a.officeName)} (CRPCEN ${escapeHtml(a.crpcen)}) · ${escapeHtml(a.note)}</span>
</form></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ID.not (développement)</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
  .warning { background: #fff4d6; border: 1px solid #e6c35c; padding: .75rem 1rem; border-radius: .5rem; }
  ul { list-style: none; padding: 0; } li { margin: .75rem 0; }
  button { font: inherit; padding: .5rem 1rem; margin-right: .75rem; cursor: pointer; }
  span { color: #5a6275; font-size: .9rem; }
</style>
</head>
<body>
<h1>ID.not — fournisseur d’identité de développement</h1>
<p class="warning">Ce fournisseur n’existe qu’en mode embarqué, pour le développement : choisissez la personne à connecter.<br>
<em>Development identity provider (embedded mode only): pick the person to sign in as.</em></p>
<ul>
${rows}
</ul>
<form method="post" action="${escapeHtml(interactionPath)}/abort"><button type="submit">Annuler / Cancel</button></form>
</body>
</html>`;
}
