import { CAPABILITIES, type Capability } from './capabilities.js';

/**
 * The OAuth scopes of connected apps are capabilities of the table (capabilities.ts): those the `app`
 * principal holds. `me:read` is not a scope: every app token may ask who it stands for.
 */
type AppGranted = {
  [C in Capability]: 'app' extends keyof (typeof CAPABILITIES)[C]['grants'] ? C : never;
}[Capability];
export type AppScope = Exclude<AppGranted, 'me:read'>;

/** What the office's consent screen says each scope lets the app do (French first, then English). */
export const APP_SCOPE_WORDS: Record<AppScope, { fr: string; en: string }> = {
  'office:read': { fr: 'Voir le nom, le CRPCEN et l’adresse de l’office', en: "See the office's name, CRPCEN and address" },
  'catalogue:read': { fr: 'Voir les types d’actes et de documents', en: 'See deed types and document types' },
  'folders:read': { fr: 'Consulter les dossiers de l’office', en: "Read the office's folders" },
  'folders:create': { fr: 'Créer des dossiers', en: 'Create folders' },
  'folders:write': { fr: 'Modifier, partager et archiver les dossiers', en: 'Edit, share and archive folders' },
  'folders:audit': { fr: 'Consulter l’historique des dossiers', en: "Read folders' audit trails" },
  'clients:read': { fr: 'Voir les clients (noms, e-mails, mobiles)', en: 'See clients (names, e-mails, mobiles)' },
  'clients:create': { fr: 'Ajouter des clients', en: 'Add clients' },
  'clients:write': { fr: 'Modifier les clients et les rattacher aux dossiers', en: 'Edit clients and link them to folders' },
  'requests:read': { fr: 'Voir les demandes de documents', en: 'See document requests' },
  'requests:write': {
    fr: 'Demander des documents aux clients, annuler une demande',
    en: 'Request documents from clients, cancel a request',
  },
  'files:read': { fr: 'Lire et télécharger les pièces déposées', en: 'Read and download uploaded files' },
  'files:upload': { fr: 'Déposer des pièces dans les dossiers', en: 'Upload files to folders' },
  'files:review': { fr: 'Valider ou refuser les pièces', en: 'Validate or refuse files' },
  'bank_details:read': { fr: 'Voir les RIB de l’office', en: "See the office's RIBs" },
  'shared_documents:read': { fr: 'Voir les documents envoyés aux clients', en: 'See documents sent to clients' },
  'shared_documents:write': {
    fr: 'Envoyer un RIB ou un document de l’office aux clients d’un dossier',
    en: "Send one of the office's RIBs or documents to a folder's clients",
  },
  'anchoring:write': { fr: 'Valider et ancrer les dossiers complets', en: 'Validate and anchor complete folders' },
  'live:read': { fr: 'Suivre en direct les changements des dossiers', en: "Follow folders' changes live" },
  'proofs:read': { fr: 'Télécharger les preuves d’ancrage des dossiers', en: "Download folders' proof bundles" },
  'members:read': { fr: 'Voir les membres de l’office', en: "See the office's members" },
  'widget_sessions:create': {
    fr: 'Afficher les composants LeCoffre dans son logiciel, pour les membres et clients de l’office',
    en: "Show LeCoffre's components in its software, for the office's members and clients",
  },
};

/** Every scope an app may register and an office may grant, in table order. */
export const APP_SCOPES = (Object.keys(CAPABILITIES) as Capability[]).filter((capability): capability is AppScope =>
  Object.hasOwn(APP_SCOPE_WORDS, capability),
);

export function isAppScope(name: string): name is AppScope {
  return Object.hasOwn(APP_SCOPE_WORDS, name);
}

/** Whether a token carrying `scopes` may use `capability` (the table grants the app principal the rest). */
export function appScopesAllow(scopes: readonly string[], capability: Capability): boolean {
  return capability === 'me:read' || scopes.includes(capability);
}
