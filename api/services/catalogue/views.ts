import type { DeedTypeRow, DocumentTypeRow } from '../../db/models/catalogue.js';

export interface DocumentType {
  id: string;
  /** Stable code for catalogue types (e.g. `cni-recto-verso`); null for an office's own types. */
  code: string | null;
  label: string;
  labelEn: string | null;
  description: string | null;
  /** `catalogue` for LeCoffre's list, `office` for a type the office created. */
  origin: 'catalogue' | 'office';
}

export interface DeedType {
  id: string;
  code: string;
  label: string;
  labelEn: string;
  /** Document types pre-listed by "Demander des documents" for this kind of deed, in display order. */
  suggestedDocumentTypes: DocumentType[];
}

export function toDocumentType(row: DocumentTypeRow): DocumentType {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    labelEn: row.labelEn,
    description: row.description,
    origin: row.officeId === null ? 'catalogue' : 'office',
  };
}

export function toDeedType(row: DeedTypeRow, suggested: DocumentTypeRow[]): DeedType {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    labelEn: row.labelEn,
    suggestedDocumentTypes: suggested.map(toDocumentType),
  };
}
