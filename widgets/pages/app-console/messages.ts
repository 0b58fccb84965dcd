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
    officeSettings: 'Réglages de l’office',
    timeZone: 'Fuseau horaire de l’office',
    timeZoneHint: (now: string) =>
      `Les dates et heures des pages, des e-mails, des rappels (envoyés de 8 h à 20 h) et des certificats sont celles de ce fuseau. Il y est actuellement : ${now}.`,
    frenchZones: 'France et outre-mer',
    otherZones: 'Autres fuseaux',
    save: 'Enregistrer',
    officeSaved: 'Fuseau horaire enregistré.',
    notaryOnly: 'Seul un notaire de l’office peut le changer.',
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
    officeSettings: 'Office settings',
    timeZone: 'Office time zone',
    timeZoneHint: (now: string) =>
      `Dates and times on the pages, in e-mails, reminders (sent from 8:00 to 20:00) and certificates are in this zone. It is now ${now} there.`,
    frenchZones: 'France and overseas',
    otherZones: 'Other zones',
    save: 'Save',
    officeSaved: 'Time zone saved.',
    notaryOnly: 'Only a notary of the office can change it.',
  },
);

export type ConsoleMessages = (typeof MESSAGES)['fr'];
