import type { DocumentFileRow } from '../../db/models/document.js';

export interface DocumentFile {
  id: string;
  folderId: string;
  clientId: string;
  /** null for an extra file ("documents supplémentaires"). */
  requestId: string | null;
  /** The name the client's file had, for display only. */
  name: string;
  /** Detected from the file's bytes, not from its name. */
  contentType: string;
  size: number;
  /** SHA-256 of the file as the client sent it: what the notary validates and what gets anchored. */
  sha256: string;
  /** `client`: computed in the client's browser and checked by the server; `server`: computed on receipt only. */
  sha256Source: 'client' | 'server';
  status: 'pending' | 'validated' | 'refused';
  refusalReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

export function toDocumentFile(row: DocumentFileRow): DocumentFile {
  return {
    id: row.id,
    folderId: row.folderId,
    clientId: row.clientId,
    requestId: row.requestId,
    name: row.originalName,
    contentType: row.contentType,
    size: Number(row.size),
    sha256: row.sha256,
    sha256Source: row.sha256Source,
    status: row.status,
    refusalReason: row.refusalReason ?? null,
    reviewedBy: row.reviewedBy ?? null,
    reviewedAt: row.reviewedAt ?? null,
    createdAt: row.createdAt,
  };
}
