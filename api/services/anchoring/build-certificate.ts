import {
  type AnyCertificate,
  BUNDLE_PATHS,
  CERTIFICATE_FORMAT,
  CERTIFICATE_VERSION,
  type CertificateV1,
  FORMAT_SPECIFICATION,
  LEGACY_CERTIFICATE_VERSION,
  MERKLE_ALGORITHM,
  MERKLE_ALGORITHM_V1,
  type MetadataRecord,
  type ProofCertificateV2,
  type TimestampFacts,
  timestampProofOf,
} from '@lecoffre/proof';
import { canonicalFileOrder, MerkleTree, type ProofStep, verifyInclusion } from '../../domain/merkle.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';
import { folderTree, metadataSha256 } from './certified-facts.js';

export interface CertificateFolder {
  id: string;
  number: string;
  title: string;
  officeName: string;
  notaryName: string;
  deedTypeLabel: string;
}

export interface CertificateFileInput {
  /** The file's id: the tiebreak of the canonical leaf order (two files with the same bytes). */
  id: string;
  clientName: string;
  documentTypeLabel: string;
  fileName: string;
  sha256: string;
}

export interface CertificateInput {
  folder: CertificateFolder;
  files: readonly CertificateFileInput[];
  anchor: FinalisedAnchor;
  /** The batch this folder was anchored in: its root, and the path from this folder's root up to it. */
  batch: { root: string; folderPath: ProofStep[] };
  /** The folder root recorded when the folder joined the batch; the files must rebuild it exactly. */
  folderRoot: string;
  /**
   * The metadata record committed with the files (format version 2): everything displayed comes from it.
   * null for a folder anchored before records were committed: its certificate is version 1.
   */
  metadata: MetadataRecord | null;
  generatedAt: Date | string;
  /** The batch's RFC 3161 token (timestamp.tsr) and what it states; null when the TSA has not stamped it. */
  timestamp?: { token: Uint8Array; facts: TimestampFacts } | null;
}

export class ProofInconsistentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofInconsistentError';
  }
}

/**
 * certificate.json for one anchored folder: files in canonical leaf order, each with its ZIP path and Merkle
 * path. Refuses (ProofInconsistentError) to certify anything that would not verify: files (and record) that
 * do not rebuild the recorded folder root, a folder root not in the batch. `ordered` holds the inputs in the
 * certificate's file order (leaf order).
 */
export function buildCertificate<F extends CertificateFileInput>(input: Omit<CertificateInput, 'files'> & { files: readonly F[] }) {
  if (input.files.length === 0) throw new ProofInconsistentError('A folder with no files cannot be certified.');
  const ordered = canonicalFileOrder(input.files.map((original) => ({ id: original.id, sha256: original.sha256.toLowerCase(), original })));
  const { metadata } = input;
  const tree = metadata
    ? folderTree(
        ordered.map((file) => file.sha256),
        metadata,
      )
    : MerkleTree.build(ordered.map((file) => file.sha256));
  const folderRoot = input.folderRoot.toLowerCase();
  if (tree.rootHex !== folderRoot) {
    throw new ProofInconsistentError(`The folder's files rebuild root ${tree.rootHex}, not the anchored folder root ${folderRoot}.`);
  }
  if (!verifyInclusion(folderRoot, input.batch.folderPath, input.batch.root)) {
    throw new ProofInconsistentError(`Folder root ${folderRoot} is not in batch ${input.batch.root} by the given path.`);
  }
  const certificate: AnyCertificate = metadata
    ? certificateV2(input, metadata, ordered, tree)
    : certificateV1(
        input,
        ordered.map((file) => file.original),
        tree,
      );
  return { certificate, ordered: ordered.map((file) => file.original) };
}

function certificateV2(
  input: Omit<CertificateInput, 'files'>,
  record: MetadataRecord,
  ordered: ReadonlyArray<{ sha256: string }>,
  tree: MerkleTree,
): ProofCertificateV2 {
  if (record.files.length !== ordered.length || record.files.some((file, index) => file.sha256 !== ordered[index].sha256)) {
    throw new ProofInconsistentError('The metadata record does not list the anchored files in leaf order.');
  }
  const paths = zipPaths(
    record.files.map((file) => ({ clientName: file.client, documentTypeLabel: file.documentType, fileName: file.name })),
  );
  return {
    format: CERTIFICATE_FORMAT,
    formatVersion: CERTIFICATE_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    specification: FORMAT_SPECIFICATION,
    algorithm: { ...MERKLE_ALGORITHM },
    folder: { ...record.folder, depositors: [...record.folder.depositors], root: tree.rootHex },
    files: record.files.map((file, leafIndex) => ({
      path: paths[leafIndex],
      ...file,
      leafIndex,
      merklePath: tree.proof(leafIndex),
    })),
    audit: { path: BUNDLE_PATHS.audit, events: record.audit.events, head: record.audit.head },
    metadata: {
      path: BUNDLE_PATHS.metadata,
      sha256: metadataSha256(record),
      leafIndex: record.files.length,
      merklePath: tree.proof(record.files.length),
    },
    batch: { root: input.batch.root.toLowerCase(), path: input.batch.folderPath },
    anchors: {
      chain: input.anchor,
      ...(input.timestamp ? { timestamp: timestampProofOf(input.timestamp.facts) } : {}),
    },
  };
}

/** A folder anchored before metadata records: its root covers the file contents only. */
function certificateV1(input: Omit<CertificateInput, 'files'>, files: readonly CertificateFileInput[], tree: MerkleTree): CertificateV1 {
  const paths = zipPaths(files);
  const { folder } = input;
  return {
    format: CERTIFICATE_FORMAT,
    version: LEGACY_CERTIFICATE_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    algorithm: { ...MERKLE_ALGORITHM_V1 },
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      office: folder.officeName,
      notary: folder.notaryName,
      deedType: folder.deedTypeLabel,
      root: tree.rootHex,
    },
    files: files.map((file, leafIndex) => ({
      path: paths[leafIndex],
      client: file.clientName,
      documentType: file.documentTypeLabel,
      name: file.fileName,
      sha256: file.sha256.toLowerCase(),
      leafIndex,
      merklePath: tree.proof(leafIndex),
    })),
    batch: { root: input.batch.root.toLowerCase(), path: input.batch.folderPath },
    anchor: input.anchor,
  };
}

/**
 * `Documents du client/<client>/<document type>/<file name>`, each segment made safe for every unzip tool
 * (no separators, control characters or dot-only names) and unique: a second "scan.pdf" of the same client
 * and type becomes "scan (2).pdf", numbered in leaf order so the result is deterministic.
 */
function zipPaths(files: ReadonlyArray<Pick<CertificateFileInput, 'clientName' | 'documentTypeLabel' | 'fileName'>>): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const dir = `${BUNDLE_PATHS.documentsDir}/${segment(file.clientName, 'Client')}/${segment(file.documentTypeLabel, 'Document')}`;
    const name = segment(file.fileName, 'document');
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = `${dir}/${name}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${dir}/${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase()); // case-insensitive: Windows and macOS would merge "A.pdf" and "a.pdf"
    return candidate;
  });
}

function segment(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned || fallback;
}
