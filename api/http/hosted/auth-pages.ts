import { escapeHtml, plainPage } from './plain-page.js';

export interface MessagePage {
  title: string;
  /** French first; the English line follows in italics. */
  french: string[];
  english: string;
  link?: { href: string; label: string };
}

/** A plain page for the login flow's dead ends (unknown office, expired login…). No script, one stylesheet of this origin. */
export function messagePage(page: MessagePage): string {
  const paragraphs = page.french.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const link = page.link ? `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.label)}</a></p>` : '';
  return plainPage({
    title: `${page.title} — LeCoffre`,
    body: `<h1>${escapeHtml(page.title)}</h1>
${paragraphs}
<p><em lang="en">${escapeHtml(page.english)}</em></p>
${link}`,
  });
}

const retry = { href: '/auth/idnot/login', label: 'Se reconnecter avec ID.not / Sign in again' };

export const authPages = {
  unknownOffice: (crpcen: string) =>
    messagePage({
      title: 'Office non inscrit',
      french: [
        `Votre identité ID.not est bien reconnue, mais votre office (CRPCEN ${crpcen}) n’est pas encore inscrit sur LeCoffre.`,
        'Aucun compte n’a été créé. Pour inscrire votre office, contactez l’équipe LeCoffre.',
      ],
      english: `Your ID.not identity is valid, but your office (CRPCEN ${crpcen}) has not joined LeCoffre yet. No account was created.`,
    }),
  otherOffice: (crpcen: string) =>
    messagePage({
      title: 'Office différent',
      french: [
        `Votre identité ID.not est rattachée sur LeCoffre à un autre office que celui indiqué par ID.not (CRPCEN ${crpcen}).`,
        'Par sécurité, la connexion est refusée. Contactez l’équipe LeCoffre pour transférer votre compte.',
      ],
      english: 'Your ID.not identity belongs to another office on LeCoffre than the one ID.not now reports; sign-in was refused.',
    }),
  loginExpired: () =>
    messagePage({
      title: 'Connexion expirée',
      french: ['Cette tentative de connexion a expiré ou a déjà servi. Recommencez depuis le début.'],
      english: 'This sign-in attempt expired or was already used. Please start again.',
      link: retry,
    }),
  loginCancelled: () =>
    messagePage({
      title: 'Connexion annulée',
      french: ['La connexion avec ID.not a été annulée.'],
      english: 'The ID.not sign-in was cancelled.',
      link: retry,
    }),
  loginFailed: () =>
    messagePage({
      title: 'Connexion impossible',
      french: ['ID.not n’a pas pu confirmer votre identité. Recommencez ; si le problème persiste, contactez l’équipe LeCoffre.'],
      english: 'ID.not could not confirm your identity. Please try again.',
      link: retry,
    }),
  providerUnavailable: () =>
    messagePage({
      title: 'ID.not indisponible',
      french: ['Le service ID.not ne répond pas pour le moment. Réessayez dans quelques minutes.'],
      english: 'ID.not is not answering at the moment. Please retry in a few minutes.',
      link: retry,
    }),
  loggedOut: () =>
    messagePage({
      title: 'Vous êtes déconnecté',
      french: ['Vous êtes déconnecté de LeCoffre.'],
      english: 'You are signed out of LeCoffre.',
      link: { href: '/auth/idnot/login', label: 'Se connecter avec ID.not / Sign in with ID.not' },
    }),
};
