import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../core/i18n.js';
import { type AllFolderMessages, englishFor, FR } from './messages.js';

// The French words of what `<lecoffre-folder>` loads after its first screen (the dialogs, the documents
// sent and anchoring: load-dialogs.ts, below-fold.ts), in their chunks rather than in the first download.
const FR_LATER = {
  close: 'Fermer',
  associate: 'Associer un ou plusieurs client(s)',
  existingClient: 'Client existant',
  newClient: 'Nouveau client',
  searchClient: 'Rechercher un client',
  noClientFound: 'Aucun client trouvé.',
  associateButton: 'Associer au dossier',
  mobileWarning:
    'Faites attention à bien renseigner le n° de mobile du client : il aura besoin de saisir un code reçu par SMS pour se connecter.',
  required: 'Champ obligatoire',
  chooseDocuments: 'Choisissez les documents à demander',
  suggested: 'Documents suggérés pour ce type d’acte',
  alreadyRequested: 'déjà demandé',
  addOther: 'Ajouter un document',
  addRequestable: 'Ajouter des documents demandables',
  existingDocument: 'Document existant',
  createDocument: 'Créer un document',
  filterCatalogue: 'Filtrer les documents',
  documentName: 'Nom du document',
  documentDescription: 'Description (facultatif)',
  add: 'Ajouter',
  addType: (label: string) => `Ajouter : ${label}`,
  validate: 'Valider',
  nothingChosen: 'Cochez au moins un document.',
  chooseClient: 'Cochez au moins un client.',
  requestedAnnounce: (count: number) => `${count} document${count > 1 ? 's demandés' : ' demandé'}.`,
  viewer: (name: string) => `Document : ${name}`,
  previewLoading: 'Chargement de l’aperçu…',
  previewUnavailable: 'Aperçu indisponible pour ce type de fichier.',
  download: 'Télécharger',
  downloadHint: 'Pour télécharger un document, celui-ci doit d’abord être validé.',
  refuse: 'Refuser',
  refuseTitle: 'Refuser le document ?',
  refuseIntro: 'Veuillez indiquer au client le motif du refus de son document afin qu’il puisse vous renvoyer une bonne version.',
  reason: 'Motif du refus',
  reasonRequired: 'Indiquez le motif du refus.',
  validatedAnnounce: (name: string) => `${name} validé.`,
  refusedAnnounce: (name: string) => `${name} refusé.`,
  sha256: 'Empreinte SHA-256',
  archive: 'Archiver le dossier',
  confirmArchive: 'Archiver ce dossier ? Il passera dans « Dossiers archivés ».',
  archivedOn: (date: string) => `Dossier archivé le ${date}.`,
  anchor: 'Valider et ancrer',
  anchorHint: 'Disponible quand tous les documents sont validés (100 %).',
  anchorIntro: 'Le dossier peut être archivé sans ancrage, ou validé et ancré dans la blockchain.',
  anchoring: 'Dossier en cours de certification',
  anchoringHelp: 'L’ancrage peut prendre quelques minutes. La preuve d’ancrage sera ensuite téléchargeable ici.',
  anchoringFailed: (error: string) => `Le dernier essai d’ancrage a échoué (${error}) : il sera retenté avec le prochain lot.`,
  network: (name: string) => `Réseau : ${name}`,
  localDev: 'Ancrage local de développement : il n’est publié sur aucune blockchain publique.',
  explorer: 'Voir l’opération sur l’explorateur blockchain',
  proof: 'Télécharger la preuve d’ancrage',
  proofName: (number: string) => `Preuve d’ancrage - ${number}.zip`,
  shared: 'Documents transmis au client',
  noShared: 'Aucun document transmis pour le moment.',
  sharedOn: (label: string, date: string) => `${label} — transmis le ${date}`,
  shareRib: 'Transmettre le RIB de l’office',
  chooseRib: 'RIB à transmettre',
  noRib: 'L’office n’a encore enregistré aucun RIB.',
  ribShared: 'RIB transmis au client.',
  sendDocument: 'Transmettre un document',
  documentFile: 'Document à transmettre (pdf, jpg, png)',
  chooseFile: 'Choisir un fichier',
  noFileChosen: 'Aucun fichier choisi',
  chooseDocument: 'Choisissez le document à transmettre.',
  documentLabel: 'Intitulé pour le client (facultatif)',
  documentShared: 'Document transmis aux clients du dossier.',
  access: 'Accès au dossier',
  wholeOffice: 'Tout l’office',
  someMembers: 'Certains collaborateurs',
  chooseMembers: 'Sélectionner les collaborateurs',
  notariesSeeAll: 'Les notaires de l’office ont toujours accès à tous les dossiers.',
};

export type LaterFolderMessages = typeof FR_LATER;

const FR_ALL: AllFolderMessages = { ...FR, ...FR_LATER };

/** Every word of the element in `lang`; French while the English chunk is on its way. */
export function allMessagesFor(lang: Lang, host: ReactiveControllerHost): AllFolderMessages {
  return (lang === 'en' && englishFor(host)) || FR_ALL;
}
