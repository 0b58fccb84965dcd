import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../core/i18n.js';

/** `<lecoffre-upload>`'s words, from the guide's "Espace Client" screens. */
const FR = {
  loading: 'Chargement de votre espace…',
  notConfigured: 'Ce composant attend les attributs token et base-url.',
  reload: 'Recharger',
  hello: (name: string) => `Bonjour ${name}`,
  folderLabel: 'Dossier',
  folderTitle: (number: string, title: string) => `Dossier ${number} - ${title}`,
  noFolder: 'Aucun dossier n’est ouvert pour vous pour le moment.',
  toSend: 'Documents à envoyer',
  toSendIntro:
    'Votre notaire est dans l’attente de documents pour valider votre dossier. Voici la liste des documents. Glissez-déposez chaque document dans la zone prévue à cet effet, ou choisissez-le avec le bouton « Ajouter un document ». En déposant un document, celui-ci est automatiquement enregistré et transmis à votre notaire.',
  progressSummary: (validated: number, total: number) =>
    `${validated} document${validated > 1 ? 's' : ''} validé${validated > 1 ? 's' : ''} sur ${total}`,
  noRequest: 'Votre notaire ne vous a demandé aucun document pour le moment.',
  accepted: 'Sélectionnez des documents (jpg, pdf ou png)',
  requestedOn: (date: string) => `Demandé par votre notaire le ${date}`,
  dueBy: (date: string) => `À fournir avant le ${date}`,
  refusalReason: (reason: string) => `Motif du refus : ${reason}`,
  refusedAskAgain: 'Votre notaire a refusé ce document. Envoyez-en un nouveau.',
  folderClosed: 'Ce dossier est clos : l’office ne demande plus de documents.',
  addDocument: 'Ajouter un document',
  addDocumentFor: (label: string) => `Ajouter un document : ${label}`,
  dropHere: 'ou glissez-déposez vos fichiers ici',
  sentFiles: 'Fichiers envoyés',
  view: 'Voir',
  viewFile: (name: string) => `Voir ${name}`,
  hashing: 'Préparation…',
  uploading: 'Envoi en cours…',
  retrying: 'Connexion perdue, nouvel essai…',
  uploaded: 'Envoyé',
  uploadedAnnounce: (name: string) => `« ${name} » a été envoyé à votre notaire.`,
  failedAnnounce: (name: string, reason: string) => `« ${name} » n’a pas été envoyé : ${reason}`,
  retry: 'Réessayer',
  retryFile: (name: string) => `Réessayer l’envoi de ${name}`,
  dismiss: 'Retirer',
  dismissFile: (name: string) => `Retirer ${name} de la liste`,
  progressOf: (name: string) => `Envoi de ${name}`,
  bytesOf: (sent: string, total: string) => `${sent} sur ${total}`,
  timeLeft: (seconds: number) =>
    seconds < 60 ? `encore ${Math.max(1, seconds)} s environ` : `encore ${Math.round(seconds / 60)} min environ`,
  cancel: 'Annuler',
  cancelFile: (name: string) => `Annuler l’envoi de ${name}`,
  cancelledAnnounce: (name: string) => `Envoi de « ${name} » annulé : rien n’a été transmis.`,
  toSendIntroTouch:
    'Votre notaire est dans l’attente de documents pour valider votre dossier. Voici la liste des documents. Pour chacun, touchez « Choisir un fichier / prendre une photo ». Chaque document choisi est automatiquement enregistré et transmis à votre notaire.',
  addDocumentTouch: 'Choisir un fichier / prendre une photo',
  extraTitle: 'Documents supplémentaires (facultatif)',
  extraIntro: 'Vous souhaitez envoyer d’autres documents à votre notaire ?',
  addExtra: 'Ajouter d’autres documents',
  sharedTitle: 'Documents de votre office',
  sharedIntro: 'Votre office a mis ces informations à votre disposition.',
  iban: 'IBAN',
  bic: 'BIC',
  holder: 'Titulaire',
  copyIban: 'Copier l’IBAN',
  copied: 'IBAN copié',
  download: 'Télécharger',
};

export type UploadMessages = typeof FR;

let english: UploadMessages | undefined;
let loadingEnglish: Promise<UploadMessages> | undefined;

/**
 * The words in `lang`. English is a chunk of its own (messages-en.ts), fetched the first time an element
 * asks for it, as `<lecoffre-folder>` does: the first download stays within the widgets' budget for the
 * French offices they are made for. French shows meanwhile; `host` renders again once English is here.
 */
export function uploadMessagesFor(lang: Lang, host: ReactiveControllerHost): UploadMessages {
  if (lang === 'fr') return FR;
  if (english) return english;
  loadingEnglish ??= import('./messages-en.js').then((module) => (english = module.EN));
  void loadingEnglish.then(() => host.requestUpdate());
  return FR;
}
