/**
 * `@lecoffre/widgets/react`: the elements as React components (@lit/react), for React 18 and 19. Their
 * properties are set as properties (so `tokenProvider` works), and their events are `on…` props:
 *
 * ```tsx
 * <LeCoffreUpload token={token} baseUrl="https://api.lecoffre.fr" tokenProvider={renew}
 *   onUploaded={(e) => console.log(e.detail.files)} onSessionExpired={() => signIn()} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { LeCoffreErrorDetail, LeCoffreEventMap, LeCoffreSessionExpiredDetail } from './core/events.js';
import {
  CompletionBar as CompletionBarElement,
  LeCoffreFolder as FolderElement,
  LeCoffreFolderList as FolderListElement,
  LeCoffreUpload as UploadElement,
} from './index.js';

type Named<K extends keyof LeCoffreEventMap> = EventName<CustomEvent<LeCoffreEventMap[K]>>;

/** Every LeCoffre element with a connection may fire these two. */
const sessionEvents = {
  onError: 'lecoffre-error' as EventName<CustomEvent<LeCoffreErrorDetail>>,
  onSessionExpired: 'lecoffre-session-expired' as EventName<CustomEvent<LeCoffreSessionExpiredDetail>>,
};

/** `<lecoffre-upload>`: the client's space (documents to send, uploads, shared RIBs). */
export const LeCoffreUpload = createComponent({
  react: React,
  tagName: 'lecoffre-upload',
  elementClass: UploadElement,
  events: { ...sessionEvents, onUploaded: 'lecoffre-document-uploaded' as Named<'lecoffre-document-uploaded'> },
  displayName: 'LeCoffreUpload',
});

/** `<lecoffre-folder>`: the notary's view of one folder (review, requests, anchoring). */
export const LeCoffreFolder = createComponent({
  react: React,
  tagName: 'lecoffre-folder',
  elementClass: FolderElement,
  events: {
    ...sessionEvents,
    onValidated: 'lecoffre-document-validated' as Named<'lecoffre-document-validated'>,
    onRefused: 'lecoffre-document-refused' as Named<'lecoffre-document-refused'>,
    onDocumentsRequested: 'lecoffre-documents-requested' as Named<'lecoffre-documents-requested'>,
    onAnchored: 'lecoffre-folder-anchored' as Named<'lecoffre-folder-anchored'>,
  },
  displayName: 'LeCoffreFolder',
});

/** `<lecoffre-folder-list>`: open and archived folders, search, "Créer un dossier". */
export const LeCoffreFolderList = createComponent({
  react: React,
  tagName: 'lecoffre-folder-list',
  elementClass: FolderListElement,
  events: {
    ...sessionEvents,
    onFolderSelected: 'lecoffre-folder-selected' as Named<'lecoffre-folder-selected'>,
    onCreateFolder: 'lecoffre-create-folder' as Named<'lecoffre-create-folder'>,
  },
  displayName: 'LeCoffreFolderList',
});

/** `<lecoffre-completion-bar>`: how complete a folder is. */
export const LeCoffreCompletionBar = createComponent({
  react: React,
  tagName: 'lecoffre-completion-bar',
  elementClass: CompletionBarElement,
  displayName: 'LeCoffreCompletionBar',
});
