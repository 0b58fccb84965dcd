import {
  BUNDLE_PATHS,
  CERTIFICATE_FORMAT,
  CERTIFICATE_VERSION,
  type CertifiedFile,
  MERKLE_ALGORITHM,
  type ProofCertificate,
  type TimestampFacts,
  timestampProofOf,
} from '@lecoffre/proof';
import { canonicalFileOrder, MerkleTree, type ProofStep, verifyInclusion } from '../../domain/merkle.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';

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
 * path. Refuses (ProofInconsistentError) to certify anything that would not verify: files that do not rebuild
 * the recorded folder root, a folder root not in the batch. `ordered` holds the inputs in the certificate's
 * file order (leaf order).
 */
export function buildCertificate<F extends CertificateFileInput>(input: Omit<CertificateInput, 'files'> & { files: readonly F[] }) {
  if (input.files.length === 0) throw new ProofInconsistentError('A folder with no files cannot be certified.');
  const ordered = canonicalFileOrder(input.files.map((original) => ({ id: original.id, sha256: original.sha256.toLowerCase(), original })));
  const tree = MerkleTree.build(ordered.map((file) => file.sha256));
  const folderRoot = input.folderRoot.toLowerCase();
  if (tree.rootHex !== folderRoot) {
    throw new ProofInconsistentError(`The folder's files rebuild root ${tree.rootHex}, not the anchored folder root ${folderRoot}.`);
  }
  if (!verifyInclusion(folderRoot, input.batch.folderPath, input.batch.root)) {
    throw new ProofInconsistentError(`Folder root ${folderRoot} is not in batch ${input.batch.root} by the given path.`);
  }
  const paths = zipPaths(ordered.map((file) => file.original));
  const files: CertifiedFile[] = ordered.map(({ original, sha256 }, leafIndex) => ({
    path: paths[leafIndex],
    client: original.clientName,
    documentType: original.documentTypeLabel,
    name: original.fileName,
    sha256,
    leafIndex,
    merklePath: tree.proof(leafIndex),
  }));
  const { folder } = input;
  const certificate: ProofCertificate = {
    format: CERTIFICATE_FORMAT,
    version: CERTIFICATE_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    algorithm: { ...MERKLE_ALGORITHM },
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      office: folder.officeName,
      notary: folder.notaryName,
      deedType: folder.deedTypeLabel,
      root: folderRoot,
    },
    files,
    batch: { root: input.batch.root.toLowerCase(), path: input.batch.folderPath },
    anchor: input.anchor,
    ...(input.timestamp ? { timestamp: timestampProofOf(input.timestamp.facts) } : {}),
  };
  return { certificate, ordered: ordered.map((file) => file.original) };
}

/**
 * `Documents du client/<client>/<document type>/<file name>`, each segment made safe for every unzip tool
 * (no separators, control characters or dot-only names) and unique: a second "scan.pdf" of the same client
 * and type becomes "scan (2).pdf", numbered in leaf order so the result is deterministic.
 */
function zipPaths(files: readonly CertificateFileInput[]): string[] {
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
