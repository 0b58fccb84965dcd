import { defineMessages } from '../../core/i18n.js';

/** The hosted notary console around the list and the folder. */
export const MESSAGES = defineMessages(
  {
    console: 'Espace notaire',
    checking: 'Connexion en cours…',
    signOut: 'Se déconnecter',
    pending: 'Votre compte attend l’approbation d’un notaire de l’office. Revenez une fois votre accès validé.',
    select: 'Sélectionnez un dossier',
    signedInAs: (name: string, office: string) => `${name} — ${office}`,
  },
  {
    console: 'Notary console',
    checking: 'Signing in…',
    signOut: 'Sign out',
    pending: 'Your account awaits approval by a notary of the office. Come back once your access is granted.',
    select: 'Select a folder',
    signedInAs: (name: string, office: string) => `${name} — ${office}`,
  },
);

export type ConsoleMessages = (typeof MESSAGES)['fr'];
