import canonicalize from 'canonicalize';
import { concatBytes, hexToBytes, sha256, sha256Hex } from './bytes.js';
import type { ProofCertificateV2 } from './certificate.js';

/**
 * The metadata record: everything a version-2 certificate shows besides hashes and paths, committed as the
 * last leaf of the folder tree. Its field names and nesting are the certificate's own, so a field that
 * differs is named by the same JSON path in both. Serialised with RFC 8785 (JSON Canonicalization Scheme).
 */
export const METADATA_FORMAT = 'lecoffre-proof-metadata';

/** Domain separation: a metadata leaf can never be taken for a file leaf (0x00) or an inner node (0x01). */
const METADATA_LEAF_PREFIX = new Uint8Array([0x02]);

export interface MetadataRecord {
  format: typeof METADATA_FORMAT;
  formatVersion: 2;
  folder: Omit<ProofCertificateV2['folder'], 'root'>;
  files: Array<
    Pick<
      ProofCertificateV2['files'][number],
      'client' | 'documentType' | 'name' | 'mediaType' | 'size' | 'sha256' | 'uploadedAt' | 'validatedAt' | 'validatedBy'
    >
  >;
  audit: { events: number; head: string };
}

/** The record a certificate shows, rebuilt from its displayed fields only. */
export function metadataRecordOf(certificate: Pick<ProofCertificateV2, 'folder' | 'files' | 'audit'>): MetadataRecord {
  const { id, number, title, office, crpcen, notary, deedType, depositors } = certificate.folder;
  return {
    format: METADATA_FORMAT,
    formatVersion: 2,
    folder: { id, number, title, office, crpcen, notary, deedType, depositors: [...depositors] },
    files: certificate.files.map(({ client, documentType, name, mediaType, size, sha256, uploadedAt, validatedAt, validatedBy }) => ({
      client,
      documentType,
      name,
      mediaType,
      size,
      sha256,
      uploadedAt,
      validatedAt,
      validatedBy,
    })),
    audit: { events: certificate.audit.events, head: certificate.audit.head },
  };
}

/** RFC 8785 bytes of the record (UTF-8): what metadata.json holds and what is hashed. */
export function canonicalMetadata(record: MetadataRecord): Uint8Array {
  const json = canonicalize(record);
  if (json === undefined) throw new TypeError('The metadata record cannot be serialised.');
  return new TextEncoder().encode(json);
}

export async function metadataHash(record: MetadataRecord): Promise<string> {
  return sha256Hex(canonicalMetadata(record));
}

/** SHA-256(0x02 || metadata hash): the leaf that enters the folder tree after the files' leaves. */
export async function metadataLeaf(metadataSha256Hex: string): Promise<Uint8Array> {
  return sha256(concatBytes(METADATA_LEAF_PREFIX, hexToBytes(metadataSha256Hex)));
}

/** A displayed value that differs from the committed one, by JSON path (same path in both). */
export interface FieldDifference {
  path: string;
  committed: unknown;
  shown: unknown;
}

/** Every leaf value that differs between the committed record and the one the certificate shows. */
export function diffRecords(committed: unknown, shown: unknown, path = '$'): FieldDifference[] {
  const bothObjects = isContainer(committed) && isContainer(shown) && Array.isArray(committed) === Array.isArray(shown);
  if (!bothObjects) return canonicalize(committed) === canonicalize(shown) ? [] : [{ path, committed, shown }];
  const keys = new Set([...Object.keys(committed), ...Object.keys(shown)]);
  const out: FieldDifference[] = [];
  for (const key of keys) {
    const child = Array.isArray(committed) ? `${path}[${key}]` : `${path}.${key}`;
    out.push(...diffRecords((committed as Record<string, unknown>)[key], (shown as Record<string, unknown>)[key], child));
  }
  return out;
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What each field is called on the certificate, for the reader who does not read JSON paths. */
const FIELD_NAMES: Record<string, { fr: string; en: string }> = {
  'folder.id': { fr: 'identifiant du dossier', en: 'folder id' },
  'folder.number': { fr: 'numéro du dossier', en: 'folder number' },
  'folder.title': { fr: 'intitulé du dossier', en: 'folder title' },
  'folder.office': { fr: 'office notarial', en: 'notary office' },
  'folder.crpcen': { fr: 'CRPCEN de l’office', en: 'office CRPCEN' },
  'folder.notary': { fr: 'notaire', en: 'notary' },
  'folder.deedType': { fr: 'type d’acte', en: 'deed type' },
  'folder.depositors': { fr: 'déposants', en: 'depositors' },
  'files.client': { fr: 'déposant du document', en: 'document depositor' },
  'files.documentType': { fr: 'libellé du document', en: 'document label' },
  'files.name': { fr: 'nom du fichier', en: 'file name' },
  'files.mediaType': { fr: 'type de fichier', en: 'media type' },
  'files.size': { fr: 'taille du fichier', en: 'file size' },
  'files.sha256': { fr: 'empreinte du fichier', en: 'file hash' },
  'files.uploadedAt': { fr: 'date de dépôt', en: 'upload date' },
  'files.validatedAt': { fr: 'date de validation', en: 'validation date' },
  'files.validatedBy': { fr: 'validé par', en: 'validated by' },
  'audit.events': { fr: 'nombre d’événements du journal', en: 'number of journal events' },
  'audit.head': { fr: 'tête de chaîne du journal', en: 'journal chain head' },
};

/** `$.files[2].name` -> "nom du fichier" / "file name"; the JSON path itself when the field is not a known one. */
export function fieldName(path: string): { fr: string; en: string } {
  const key = path
    .replace(/^\$\./, '')
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(0, 2)
    .join('.');
  return FIELD_NAMES[key] ?? { fr: path, en: path };
}
