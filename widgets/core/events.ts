import type { DocumentFile, DocumentRequest, Folder } from '@lecoffre/sdk';

/** What `lecoffre-error` carries: the stable `code` to switch on, a message ready to show, the raw error. */
export interface LeCoffreErrorDetail {
  code: string;
  /** In the element's language, as shown to the user. */
  message: string;
  status: number | undefined;
  /** Quote it when asking LeCoffre for help. */
  requestId: string | undefined;
  error: unknown;
}

/**
 * What `lecoffre-session-expired` carries: the API refused the element's token and no new one could be
 * had (no `tokenProvider`, or it failed, or the API refused its token too).
 */
export interface LeCoffreSessionExpiredDetail {
  /** The LeCoffre element the page holds (the outermost one, when an inner part met the 401). */
  element: HTMLElement;
  /** The refused request's id: quote it when asking LeCoffre for help. */
  requestId: string | undefined;
  /** What the element shows the person, in its language. */
  message: string;
}

/**
 * Every event a LeCoffre element dispatches, with its `detail`. They bubble and are composed (they leave
 * the shadow root), so a host page listens on the element or on any ancestor. All in this one map (no
 * `declare module` augmentation elsewhere): bundled declaration files cannot carry one to vendors.
 */
export interface LeCoffreEventMap {
  /** Files were stored for a request (`requestId`) or as "documents supplémentaires" (`requestId: null`). */
  'lecoffre-document-uploaded': { folderId: string; requestId: string | null; files: DocumentFile[] };
  'lecoffre-document-validated': { file: DocumentFile };
  'lecoffre-document-refused': { file: DocumentFile; reason: string };
  'lecoffre-documents-requested': { folderId: string; requests: DocumentRequest[] };
  'lecoffre-folder-updated': { folder: Folder };
  'lecoffre-folder-archived': { folder: Folder };
  'lecoffre-folder-anchored': { folderId: string };
  'lecoffre-folder-selected': { folderId: string };
  /** "Créer un dossier" was clicked in the folder list: the page shows the creation form. */
  'lecoffre-create-folder': Record<string, never>;
  /** The creation form created a folder (its access already set). */
  'lecoffre-folder-created': { folder: Folder };
  /** "Retour" / "Annuler" on the creation form. */
  'lecoffre-create-cancelled': Record<string, never>;
  'lecoffre-error': LeCoffreErrorDetail;
  /** Once per expired token, after the `lecoffre-error` of the call it refused. */
  'lecoffre-session-expired': LeCoffreSessionExpiredDetail;
}

export type LeCoffreEventName = keyof LeCoffreEventMap;

/** Dispatches a bubbling, composed CustomEvent from `host`; false if a listener called preventDefault. */
export function emit<K extends LeCoffreEventName>(host: EventTarget, name: K, detail: LeCoffreEventMap[K], cancelable = false): boolean {
  return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface HTMLElementEventMap {
    'lecoffre-document-uploaded': CustomEvent<LeCoffreEventMap['lecoffre-document-uploaded']>;
    'lecoffre-document-validated': CustomEvent<LeCoffreEventMap['lecoffre-document-validated']>;
    'lecoffre-document-refused': CustomEvent<LeCoffreEventMap['lecoffre-document-refused']>;
    'lecoffre-documents-requested': CustomEvent<LeCoffreEventMap['lecoffre-documents-requested']>;
    'lecoffre-folder-updated': CustomEvent<LeCoffreEventMap['lecoffre-folder-updated']>;
    'lecoffre-folder-archived': CustomEvent<LeCoffreEventMap['lecoffre-folder-archived']>;
    'lecoffre-folder-anchored': CustomEvent<LeCoffreEventMap['lecoffre-folder-anchored']>;
    'lecoffre-folder-selected': CustomEvent<LeCoffreEventMap['lecoffre-folder-selected']>;
    'lecoffre-create-folder': CustomEvent<LeCoffreEventMap['lecoffre-create-folder']>;
    'lecoffre-folder-created': CustomEvent<LeCoffreEventMap['lecoffre-folder-created']>;
    'lecoffre-create-cancelled': CustomEvent<LeCoffreEventMap['lecoffre-create-cancelled']>;
    'lecoffre-error': CustomEvent<LeCoffreErrorDetail>;
    'lecoffre-session-expired': CustomEvent<LeCoffreSessionExpiredDetail>;
  }
}
