import type { DevAccount } from './dev-accounts.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Served by the provider under its own path: the app's CSP allows no inline style, on these pages either. */
export const DEV_PROVIDER_CSS = `body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
.warning { background: #fff4d6; border: 1px solid #e6c35c; padding: .75rem 1rem; border-radius: .5rem; }
ul { list-style: none; padding: 0; } li { margin: .75rem 0; }
button { font: inherit; padding: .5rem 1rem; margin-right: .75rem; cursor: pointer; }
span { color: #5a6275; font-size: .9rem; }
pre { white-space: pre-wrap; background: #f4f5f7; padding: .5rem; }
`;

/** The pages of the dev provider, under its mount path (`/dev/idnot`), in French first. None needs a script. */
export function devProviderPages(mountPath: string) {
  const page = (title: string, body: string) => `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(mountPath)}/page.css">
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>`;

  return {
    /** One button per seeded account. */
    login(interactionPath: string, accounts: DevAccount[]): string {
      const rows = accounts
        .map(
          (a) => `<li><form method="post" action="${escapeHtml(interactionPath)}/login">
  <input type="hidden" name="subject" value="${escapeHtml(a.subject)}">
  <button type="submit">${escapeHtml(`${a.firstName} ${a.lastName}`)}</button>
  <span>${escapeHtml(a.subject)} · ${escapeHtml(a.officeName)} (CRPCEN ${escapeHtml(a.crpcen)}) · ${escapeHtml(a.note)}</span>
</form></li>`,
        )
        .join('\n');
      return page(
        'ID.not — fournisseur d’identité de développement',
        `<p class="warning">Ce fournisseur n’existe qu’en mode embarqué, pour le développement : choisissez la personne à connecter.<br>
<em>Development identity provider (embedded mode only): pick the person to sign in as.</em></p>
<ul>
${rows}
</ul>
<form method="post" action="${escapeHtml(interactionPath)}/abort"><button type="submit">Annuler / Cancel</button></form>`,
      );
    },

    /** `form` is oidc-provider's own (`id="op.logoutForm"`, with its xsrf token): the buttons submit it. */
    logout(form: string): string {
      return page(
        'Se déconnecter d’ID.not (développement) ?',
        `<p><em>Sign out of the development identity provider?</em></p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter / Yes, sign me out</button>
<button type="submit" form="op.logoutForm">Non, rester connecté / No, stay signed in</button>`,
      );
    },

    loggedOut(): string {
      return page(
        'Déconnecté d’ID.not (développement)',
        '<p>Vous êtes déconnecté du fournisseur d’identité de développement.</p>\n<p><em>You are signed out of the development identity provider.</em></p>',
      );
    },

    /** `out` is what oidc-provider shows of the error (`error`, `error_description`, maybe `state`). */
    error(out: Record<string, unknown>): string {
      const details = Object.entries(out)
        .map(([key, value]) => `<pre><strong>${escapeHtml(key)}</strong> : ${escapeHtml(String(value))}</pre>`)
        .join('\n');
      return page('Erreur du fournisseur d’identité', `<p>La demande n’a pas pu aboutir. <em>The request failed.</em></p>\n${details}`);
    },
  };
}
