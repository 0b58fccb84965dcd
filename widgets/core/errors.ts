import { LeCoffreError } from '@lecoffre/sdk';
import type { LeCoffreErrorDetail } from './events.js';
import { defineMessages, type Lang } from './i18n.js';

/**
 * What the user reads for each problem `code` the widgets can meet. Codes not listed fall back on the
 * HTTP family (401, 403, 404, 409, 429, 5xx), then on a generic sentence with the request id.
 */
const MESSAGES = defineMessages(
  {
    file_too_large: 'Ce fichier est trop volumineux.',
    unsupported_file_type: 'Ce type de fichier n’est pas accepté : envoyez un PDF, un JPG ou un PNG.',
    empty_file: 'Ce fichier est vide.',
    checksum_mismatch: 'Le fichier a été altéré pendant l’envoi. Renvoyez-le.',
    too_many_files: 'Trop de fichiers à la fois : envoyez-les en plusieurs fois.',
    upload_aborted: 'L’envoi a été interrompu. Renvoyez le fichier.',
    connection_failed: 'Connexion impossible. Vérifiez votre accès à Internet puis réessayez.',
    timeout: 'Le serveur ne répond pas. Réessayez dans un instant.',
    folder_archived: 'Ce dossier est archivé : il ne reçoit plus de documents.',
    folder_frozen: 'Ce dossier est clôturé : il ne reçoit plus de documents.',
    folder_not_open: 'Ce dossier est clôturé : il ne reçoit plus de documents.',
    request_cancelled: 'Ce document n’est plus demandé.',
    client_contact_locked: 'L’e-mail et le mobile d’un client se modifient depuis LeCoffre.',
    existing_client_link_not_allowed: 'Un client existant s’associe au dossier depuis LeCoffre.',
    operation_not_allowed: 'Cette action n’est pas possible depuis ce logiciel.',
    // A vendor's page signs nobody in to LeCoffre, and a hosted page reloaded asks to sign in: reloading
    // is what the person can do in both.
    http_401: 'La session a expiré. Rechargez la page.',
    http_403: 'Vous n’avez pas accès à cette action.',
    http_404: 'Élément introuvable : il a peut-être été supprimé.',
    http_409: 'Action impossible dans l’état actuel du dossier.',
    http_429: 'Trop de tentatives : patientez avant de réessayer.',
    http_5xx: 'Le service rencontre un problème. Réessayez dans un instant.',
    unknown: 'Une erreur est survenue.',
    reference: (requestId: string) => `Référence : ${requestId}`,
  },
  {
    file_too_large: 'This file is too large.',
    unsupported_file_type: 'This file type is not accepted: send a PDF, JPG or PNG.',
    empty_file: 'This file is empty.',
    checksum_mismatch: 'The file was altered while sending. Send it again.',
    too_many_files: 'Too many files at once: send them in several goes.',
    upload_aborted: 'The upload was interrupted. Send the file again.',
    connection_failed: 'Cannot connect. Check your Internet access and try again.',
    timeout: 'The server does not answer. Try again in a moment.',
    folder_archived: 'This folder is archived: it no longer accepts documents.',
    folder_frozen: 'This folder is closed: it no longer accepts documents.',
    folder_not_open: 'This folder is closed: it no longer accepts documents.',
    request_cancelled: 'This document is no longer requested.',
    client_contact_locked: 'A client’s e-mail and mobile are changed in LeCoffre.',
    existing_client_link_not_allowed: 'An existing client is added to the folder in LeCoffre.',
    operation_not_allowed: 'This action is not available from this software.',
    http_401: 'The session has expired. Reload the page.',
    http_403: 'You may not do this.',
    http_404: 'Not found: it may have been deleted.',
    http_409: 'Not possible in the folder’s current state.',
    http_429: 'Too many tries: wait before trying again.',
    http_5xx: 'The service has a problem. Try again in a moment.',
    unknown: 'Something went wrong.',
    reference: (requestId: string) => `Reference: ${requestId}`,
  },
);

type Known = Exclude<keyof (typeof MESSAGES)['fr'], 'reference'>;

function familyKey(status: number | undefined): Known {
  if (status === 401 || status === 403 || status === 404 || status === 409 || status === 429) return `http_${status}`;
  if (status !== undefined && status >= 500) return 'http_5xx';
  return 'unknown';
}

/**
 * The user-facing sentence for any error the SDK or the upload helper throws, in `lang`. `own` words the
 * codes only one element meets (the sign-in page's), and overrides the shared ones.
 */
export function describeError(error: unknown, lang: Lang, own: Readonly<Record<string, string>> = {}): LeCoffreErrorDetail {
  const t = MESSAGES[lang];
  if (!(error instanceof LeCoffreError)) {
    return { code: 'unknown', message: t.unknown, status: undefined, requestId: undefined, error };
  }
  if (Object.hasOwn(own, error.code)) {
    return { code: error.code, message: own[error.code], status: error.status, requestId: error.requestId, error };
  }
  const key: Known = Object.hasOwn(t, error.code) && error.code !== 'reference' ? (error.code as Known) : familyKey(error.status);
  // Unexplained failures carry the request id, which is what support asks for.
  const message = key === 'unknown' || key === 'http_5xx' ? withReference(t[key], error.requestId, lang) : t[key];
  return { code: error.code, message, status: error.status, requestId: error.requestId, error };
}

function withReference(text: string, requestId: string | undefined, lang: Lang): string {
  return requestId ? `${text} ${MESSAGES[lang].reference(requestId)}` : text;
}

/** True when trying the same thing again may work (no answer, timeout, 5xx, 429). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof LeCoffreError)) return false;
  return error.status === undefined || error.status === 429 || error.status >= 500;
}
