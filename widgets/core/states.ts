import type { DocumentFile, DocumentRequest } from '@lecoffre/sdk';
import type { Lang } from './i18n.js';

/**
 * The glossary of document states, for every page and widget: one name per state and its words, so a
 * request and its file never read as two near-synonyms ("sent" is one state whether one looks at the
 * request or at the file). Each state has one label per reader: the client is told where their document
 * is, the office what it has to do (a sent file is "to review" for the notary). Nowhere else words a state.
 */
export type DocumentState = 'requested' | 'sent' | 'refused' | 'validated';
export type Reader = 'client' | 'office';

const GLOSSARY: Record<Lang, Record<DocumentState, Record<Reader, string>>> = {
  fr: {
    requested: { client: 'À envoyer', office: 'Demandé' },
    sent: { client: 'Envoyé, en vérification', office: 'À valider' },
    refused: { client: 'Refusé', office: 'Refusé' },
    validated: { client: 'Validé', office: 'Validé' },
  },
  en: {
    requested: { client: 'To send', office: 'Requested' },
    sent: { client: 'Sent, being checked', office: 'To review' },
    refused: { client: 'Refused', office: 'Refused' },
    validated: { client: 'Validated', office: 'Validated' },
  },
};

export function stateLabel(state: DocumentState, lang: Lang, reader: Reader): string {
  return GLOSSARY[lang][state][reader];
}

/** A file's state: sent (waiting for the office's review), refused or validated. */
export function fileState(file: Pick<DocumentFile, 'status'>): DocumentState {
  return file.status === 'pending' ? 'sent' : file.status;
}

/**
 * A request's state. The API keeps a request `requested` after a refusal (a new file is expected): it
 * still reads "refused" (and why) until a new file comes.
 */
export function requestState(request: Pick<DocumentRequest, 'status' | 'files'>): { state: DocumentState; reason?: string } {
  if (request.status === 'submitted') return { state: 'sent' };
  if (request.status === 'validated') return { state: 'validated' };
  const last = request.files.at(-1);
  if (last?.status === 'refused') return { state: 'refused', reason: last.refusalReason ?? undefined };
  return { state: 'requested' };
}
