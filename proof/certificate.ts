import type { TimestampProof } from './timestamp-entry.js';

/**
 * certificate.json, the machine-readable receipt inside a proof bundle. Everything a verifier needs to go
 * from the client documents and the displayed facts in the ZIP to the root anchored on chain:
 *
 *   document bytes --SHA-256--> files[i].sha256 --leaf--\
 *   displayed facts --RFC 8785--> metadata.json --SHA-256--> metadata leaf --> folder.root --batch.path--> batch.root
 *   batch.root == the bytes the anchor operation carries (Tezos) / signed (local-dev)
 *
 * docs/proof-format.md is the normative description. Version 2 (`formatVersion: 2`) commits every displayed
 * field and the folder's audit-chain head; version 1 (`version: 1`) committed the file contents only and is
 * still read. Shared by the server (which writes it) and the verifiers (SDK, CLI, /verify).
 */

export const CERTIFICATE_FORMAT = 'lecoffre-proof-certificate';
/** The version the server writes. */
export const CERTIFICATE_VERSION = 2;
export const LEGACY_CERTIFICATE_VERSION = 1;

/** Where the format is described, relative to the repository and to the @lecoffre/proof package. */
export const FORMAT_SPECIFICATION = 'docs/proof-format.md';

/** Names inside the ZIP. */
export const BUNDLE_PATHS = {
  certificate: 'certificate.json',
  pdf: 'Certificat de dépôt.pdf',
  audit: 'journal-d-audit.json',
  /** The committed metadata record, byte for byte (RFC 8785 canonical JSON). Version 2 only. */
  metadata: 'metadata.json',
  documentsDir: 'Documents du client',
} as const;

export const MERKLE_ALGORITHM_V1 = {
  hash: 'SHA-256',
  tree: 'RFC 6962 Merkle tree, odd last node promoted',
  leaf: 'SHA-256(0x00 || file SHA-256)',
  node: 'SHA-256(0x01 || left || right)',
  leafOrder: 'file SHA-256 ascending (hex), then file id',
  batchLeaf: 'SHA-256(0x00 || folder root)',
} as const;

export const MERKLE_ALGORITHM = {
  ...MERKLE_ALGORITHM_V1,
  metadataLeaf: 'SHA-256(0x02 || SHA-256(RFC 8785 metadata record)), last leaf',
  auditChain: 'hash = SHA-256(hex(previous) || RFC 8785 event), genesis = SHA-256("lecoffre-folder-audit-genesis:" || folder id)',
} as const;

export interface MerklePathStep {
  /** 'left': parent = node(sibling, current); 'right': parent = node(current, sibling). */
  side: 'left' | 'right';
  hash: string;
}

export interface CertifiedFileV1 {
  /** Path of the document inside the ZIP: `Documents du client/<client>/<document type>/<file name>`. */
  path: string;
  client: string;
  documentType: string;
  name: string;
  /** SHA-256 of the document's bytes, lower-case hex: what the notary validated. */
  sha256: string;
  /** Position in the folder tree; files are listed in leaf order. */
  leafIndex: number;
  /** From this file's leaf up to folder.root. */
  merklePath: MerklePathStep[];
}

export interface CertifiedFile extends CertifiedFileV1 {
  mediaType: string;
  /** Bytes. */
  size: number;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  validatedAt: string;
  /** The name of the member of the office who validated the document. */
  validatedBy: string;
}

export interface TezosAnchorProof {
  kind: 'tezos';
  /** `mainnet`, `ghostnet`, or another Tezos network's name. */
  network: string;
  chainId: string;
  /** The anchoring contract (KT1…) that the operation calls with batch.root as its `bytes` parameter. */
  contract: string;
  operationHash: string;
  blockHash: string;
  level: number;
  /** The block's timestamp (ISO 8601, UTC). */
  timestamp: string;
  explorerUrl: string | null;
}

export interface LocalDevAnchorProof {
  kind: 'local-dev';
  network: 'local-dev';
  /** A local identifier, not a blockchain operation. */
  operationHash: string;
  /** When the root was signed (ISO 8601, UTC). */
  timestamp: string;
  algorithm: 'Ed25519';
  /** Raw Ed25519 public key (32 bytes, hex). */
  publicKey: string;
  /** Ed25519 signature (64 bytes, hex) of localDevStatement(batch.root, timestamp). */
  signature: string;
  notice: { fr: string; en: string };
}

export type AnchorProof = TezosAnchorProof | LocalDevAnchorProof;

/**
 * The anchors of a version-2 certificate, one entry per kind of evidence over batch.root. An object, so
 * that other kinds (an RFC 3161 timestamp) join beside `chain` without a new version; verifiers ignore
 * entries they do not know.
 */
export interface CertificateAnchors {
  /** The batch root on a public chain (Tezos), or its local-dev stand-in. */
  chain: AnchorProof;
  /** RFC 3161 timestamp on batch.root (proof/timestamp-entry.ts); absent when the TSA could not stamp the batch. */
  timestamp?: TimestampProof;
  [kind: string]: unknown;
}

export interface CertificateV1 {
  format: typeof CERTIFICATE_FORMAT;
  version: typeof LEGACY_CERTIFICATE_VERSION;
  generatedAt: string;
  algorithm: typeof MERKLE_ALGORITHM_V1;
  folder: { id: string; number: string; title: string; office: string; notary: string; deedType: string; root: string };
  files: CertifiedFileV1[];
  batch: { root: string; path: MerklePathStep[] };
  anchor: AnchorProof;
  /** RFC 3161 timestamp on batch.root (proof/timestamp-entry.ts); absent when the TSA could not stamp the batch. */
  timestamp?: TimestampProof;
}

export interface CertifiedFolder {
  id: string;
  number: string;
  title: string;
  office: string;
  /** The office's CRPCEN, its number with the notaries' council. */
  crpcen: string;
  notary: string;
  deedType: string;
  /** The clients who deposited documents, as named on the documents. */
  depositors: string[];
  /** Root of the folder tree (files' leaves, then the metadata leaf), lower-case hex. */
  root: string;
}

export interface ProofCertificateV2 {
  format: typeof CERTIFICATE_FORMAT;
  formatVersion: typeof CERTIFICATE_VERSION;
  generatedAt: string;
  /** Where the format is described (leaf and node rules, canonicalisation, test vectors). */
  specification: typeof FORMAT_SPECIFICATION;
  algorithm: typeof MERKLE_ALGORITHM;
  folder: CertifiedFolder;
  files: CertifiedFile[];
  /** The folder's audit journal: its chain head and length when the folder was sent for anchoring. */
  audit: { path: typeof BUNDLE_PATHS.audit; events: number; head: string };
  /** The committed metadata record: its SHA-256 and its leaf's path up to folder.root. */
  metadata: { path: typeof BUNDLE_PATHS.metadata; sha256: string; leafIndex: number; merklePath: MerklePathStep[] };
  batch: { root: string; path: MerklePathStep[] };
  anchors: CertificateAnchors;
}

export type ProofCertificate = ProofCertificateV2;
export type AnyCertificate = CertificateV1 | ProofCertificateV2;

export function isLegacyCertificate(certificate: AnyCertificate): certificate is CertificateV1 {
  return !('formatVersion' in certificate);
}

/** The anchor over batch.root, whatever the version. */
export function chainAnchorOf(certificate: AnyCertificate): AnchorProof {
  return isLegacyCertificate(certificate) ? certificate.anchor : certificate.anchors.chain;
}

export const LOCAL_DEV_NOTICE = {
  fr:
    "Preuve de développement local : l'empreinte est signée par une clé locale et horodatée par le serveur. " +
    "Elle N'EST PAS ancrée sur une blockchain publique et ne prouve rien à un tiers.",
  en:
    'Local development proof: the hash is signed by a local key and timestamped by the server. ' +
    'It is NOT anchored on a public blockchain and proves nothing to a third party.',
} as const;

/** The exact text a local-dev anchor signs (UTF-8). Binding the time makes the signature a timestamp. */
export function localDevStatement(rootHex: string, timestamp: string): string {
  return `LeCoffre local-dev anchor v1\nroot: ${rootHex}\ntime: ${timestamp}\n`;
}
