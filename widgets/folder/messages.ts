import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../core/i18n.js';
import type { LaterFolderMessages } from './messages-later.js';

/**
 * `<lecoffre-folder>`'s words, from the guide's notary screens (parts I.3–I.5, review, anchoring). Here,
 * the French of its first screen (the folder, its information and its clients). The French of the parts
 * loaded after it (dialogs, documents sent, anchoring) comes with them (messages-later.ts), and English
 * (messages-en.ts, every word) is a chunk of its own, fetched the first time an element asks for it:
 * the widgets' first download stays small for the French offices they are made for.
 */
export const FR = {
  loading: 'Chargement du dossier…',
  notConfigured: 'Ce composant attend les attributs folder-id, token et base-url.',
  reload: 'Recharger',
  info: 'Informations du dossier',
  editAccess: 'Modifier les collaborateurs',
  title: 'Intitulé du dossier',
  number: 'Numéro de dossier',
  deedType: 'Type d’acte',
  openedOn: 'Ouverture du dossier',
  note: 'Note dossier',
  edit: (field: string) => `Modifier : ${field}`,
  save: 'Enregistrer',
  cancel: 'Annuler',
  changedMeanwhile: 'Ce dossier a été modifié entre-temps : les informations ont été rechargées. Refaites votre modification.',
  actionRequired: 'Action requise : des documents attendent votre validation',
  completion: 'Complétion du dossier',
  clientCompletionShort: 'Complétion du dossier client',
  clientCompletion: (name: string) => `Complétion du dossier client : ${name}`,
  clients: 'Clients',
  noClient: 'Aucun client n’est associé au dossier.',
  addClient: 'Ajouter un client',
  lastName: 'Nom',
  firstName: 'Prénom',
  mobile: 'Numéro de téléphone',
  email: 'E-mail',
  editClient: (name: string) => `Modifier le client ${name}`,
  removeClient: (name: string) => `Retirer ${name} du dossier`,
  confirmRemoveClient: (name: string) => `Retirer ${name} du dossier ? Ses demandes de documents sont annulées.`,
  remove: 'Retirer',
  requested: 'Documents demandés',
  allReceived: 'Tous les documents demandés ont été reçus.',
  noRequested: 'Vous n’avez pas encore demandé de documents.',
  toReview: 'Documents à valider / validés',
  noToReview: 'Vous n’avez aucun document à valider.',
  extraDocument: 'Document supplémentaire',
  requestDocuments: 'Demander des documents',
  requestDocumentsFor: (name: string) => `Demander des documents à ${name}`,
  requestedOn: (date: string) => `Demandé le ${date}`,
  refusedBecause: (reason: string) => `Refusé : ${reason}`,
  refusedNoReason: 'Refusé',
  cancelRequest: (label: string) => `Annuler la demande : ${label}`,
  open: (name: string) => `Ouvrir ${name}`,
  anchoredOn: (date: string) => `Dossier ancré le ${date}.`,
  frozen: 'Ce dossier est en cours d’ancrage ou ancré : il ne peut plus être modifié.',
  saved: 'Modifications enregistrées.',
  numberTaken: 'Ce numéro de dossier est déjà utilisé dans l’office.',
};

export type FolderMessages = typeof FR;

/** Every word of the element: its first screen's and those of the parts loaded later. */
export type AllFolderMessages = FolderMessages & LaterFolderMessages;

let english: AllFolderMessages | undefined;
let loadingEnglish: Promise<AllFolderMessages> | undefined;

/** The English words, or undefined while their chunk is on its way (`host` renders again once it is here). */
export function englishFor(host: ReactiveControllerHost): AllFolderMessages | undefined {
  if (english) return english;
  loadingEnglish ??= import('./messages-en.js').then((module) => (english = module.EN));
  void loadingEnglish.then(() => host.requestUpdate());
  return undefined;
}

/** The first screen's words in `lang`; French while the English chunk is on its way. */
export function messagesFor(lang: Lang, host: ReactiveControllerHost): FolderMessages {
  return (lang === 'en' && englishFor(host)) || FR;
}
