import { defineMessages } from '../../core/i18n.js';

/** The hosted notary console around the list and the folder. */
export const MESSAGES = defineMessages(
  {
    console: 'Espace notaire',
    checking: 'Connexion en cours…',
    signOut: 'Se déconnecter',
    pending: 'Votre compte attend l’approbation d’un notaire de l’office. Revenez une fois votre accès validé.',
    selectTitle: 'Aucun dossier ouvert',
    select:
      'Choisissez un dossier dans la liste pour voir ses clients, les documents reçus à valider et sa complétion, ou créez-en un pour demander des documents à un client.',
    create: 'Créer un dossier',
    folders: 'Liste des dossiers',
    backToList: 'Retour aux dossiers',
    account: 'Compte',
    applications: 'Applications connectées',
    signedInAs: (name: string, office: string) => `${name} — ${office}`,
  },
  {
    console: 'Notary console',
    checking: 'Signing in…',
    signOut: 'Sign out',
    pending: 'Your account awaits approval by a notary of the office. Come back once your access is granted.',
    selectTitle: 'No folder open',
    select:
      'Choose a folder in the list to see its clients, the documents waiting for review and its completion, or create one to ask a client for documents.',
    create: 'Create a folder',
    folders: 'Folder list',
    backToList: 'Back to the folders',
    account: 'Account',
    applications: 'Connected apps',
    signedInAs: (name: string, office: string) => `${name} — ${office}`,
  },
);

export type ConsoleMessages = (typeof MESSAGES)['fr'];
