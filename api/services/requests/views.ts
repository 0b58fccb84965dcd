import type { DocumentFileRow, DocumentRequestRow } from '../../db/models/document.js';
import { type DocumentFile, toDocumentFile } from '../files/views.js';

export interface DocumentRequest {
  id: string;
  folderId: string;
  clientId: string;
  /** The catalogue or office type requested; null for a free label. */
  documentTypeId: string | null;
  /** What the client reads, e.g. "Carte Nationale d'Identité recto-verso". */
  label: string;
  note: string;
  /** ISO date (YYYY-MM-DD) or null. */
  dueDate: string | null;
  /** `requested` (nothing to review: send a file), `submitted` (a file waits for review), `validated`. */
  status: 'requested' | 'submitted' | 'validated';
  /** Files sent for this request, oldest first, with their review state. */
  files: DocumentFile[];
  createdAt: Date;
}

export function toDocumentRequest(row: DocumentRequestRow, files: DocumentFileRow[]): DocumentRequest {
  return {
    id: row.id,
    folderId: row.folderId,
    clientId: row.clientId,
    documentTypeId: row.documentTypeId,
    label: row.label,
    note: row.note,
    dueDate: row.dueDate,
    status: row.status,
    files: files.filter((f) => f.requestId === row.id).map(toDocumentFile),
    createdAt: row.createdAt,
  };
}
