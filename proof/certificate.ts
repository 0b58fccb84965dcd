import { isHex } from './bytes.js';
import type { TimestampProof } from './timestamp-entry.js';

/**
 * certificate.json, the machine-readable receipt inside a proof bundle (format version 1). Everything a
 * verifier needs to go from the client documents in the ZIP to the root anchored on chain:
 *
 *   document bytes --SHA-256--> files[i].sha256 --merklePath--> folder.root --batch.path--> batch.root
 *   batch.root == the bytes the anchor operation carries (Tezos) / signed (local-dev)
 *
 * Shared by the server (which writes it) and the verifiers (SDK, CLI). Only additive, optional changes are
 * allowed within a version; anything else is version 2, and verifiers keep reading version 1.
 */

export const CERTIFICATE_FORMAT = 'lecoffre-proof-certificate';
export const CERTIFICATE_VERSION = 1;

/** Names inside the ZIP. */
export const BUNDLE_PATHS = {
  certificate: 'certificate.json',
  pdf: 'Certificat de dépôt.pdf',
  audit: 'journal-d-audit.json',
  documentsDir: 'Documents du client',
} as const;

export const MERKLE_ALGORITHM = {
  hash: 'SHA-256',
  tree: 'RFC 6962 Merkle tree, odd last node promoted',
  leaf: 'SHA-256(0x00 || file SHA-256)',
  node: 'SHA-256(0x01 || left || right)',
  leafOrder: 'file SHA-256 ascending (hex), then file id',
  batchLeaf: 'SHA-256(0x00 || folder root)',
} as const;

export interface MerklePathStep {
  /** 'left': parent = node(sibling, current); 'right': parent = node(current, sibling). */
  side: 'left' | 'right';
  hash: string;
}

export interface CertifiedFile {
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

export interface ProofCertificate {
  format: typeof CERTIFICATE_FORMAT;
  version: typeof CERTIFICATE_VERSION;
  generatedAt: string;
  algorithm: typeof MERKLE_ALGORITHM;
  folder: {
    id: string;
    number: string;
    title: string;
    office: string;
    notary: string;
    deedType: string;
    /** Root of the tree over the files' SHA-256, lower-case hex. */
    root: string;
  };
  files: CertifiedFile[];
  batch: {
    /** Root of the batch tree over many folder roots: what the anchor carries. */
    root: string;
    /** From the folder root's leaf up to batch.root. */
    path: MerklePathStep[];
  };
  anchor: AnchorProof;
  /** RFC 3161 timestamp on batch.root (proof/timestamp-entry.ts); absent when the TSA could not stamp the batch. */
  timestamp?: TimestampProof;
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

export type CertificateValidation = { ok: true; certificate: ProofCertificate } | { ok: false; problems: string[] };

type Check = (value: unknown, path: string, problems: string[]) => void;

const expect =
  (test: (value: unknown) => boolean, what: string): Check =>
  (value, path, problems) => {
    if (!test(value)) problems.push(`${path}: expected ${what}`);
  };

const text = expect((v) => typeof v === 'string', 'a string');
const nonEmpty = expect((v) => typeof v === 'string' && v.length > 0, 'a non-empty string');
const hash32 = expect((v) => isHex(v, 32), '64 lower-case hex characters');
const isoTime = expect((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v), 'an ISO 8601 UTC time');
const naturalNumber = expect((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'a whole number >= 0');
const literal = (wanted: unknown): Check => expect((v) => v === wanted, JSON.stringify(wanted));
const nullable =
  (check: Check): Check =>
  (value, path, problems) =>
    value === null || check(value, path, problems);

function object(fields: Record<string, Check>): Check {
  return (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${path}: expected an object`);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) check(record[key], `${path}.${key}`, problems);
  };
}

function array(item: Check, minLength = 0): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value) || value.length < minLength) {
      problems.push(`${path}: expected a list${minLength ? ` of at least ${minLength}` : ''}`);
      return;
    }
    for (const [index, entry] of value.entries()) item(entry, `${path}[${index}]`, problems);
  };
}

const pathStep = object({ side: expect((v) => v === 'left' || v === 'right', '"left" or "right"'), hash: hash32 });

const tezosAnchor = object({
  kind: literal('tezos'),
  network: nonEmpty,
  chainId: nonEmpty,
  contract: expect((v) => typeof v === 'string' && /^KT1[1-9A-HJ-NP-Za-km-z]{33}$/.test(v), 'a KT1 contract address'),
  operationHash: expect((v) => typeof v === 'string' && /^o[1-9A-HJ-NP-Za-km-z]{50}$/.test(v), 'a Tezos operation hash (o…)'),
  blockHash: expect((v) => typeof v === 'string' && /^B[1-9A-HJ-NP-Za-km-z]{50}$/.test(v), 'a Tezos block hash (B…)'),
  level: naturalNumber,
  timestamp: isoTime,
  explorerUrl: nullable(text),
});

const localDevAnchor = object({
  kind: literal('local-dev'),
  network: literal('local-dev'),
  operationHash: nonEmpty,
  timestamp: isoTime,
  algorithm: literal('Ed25519'),
  publicKey: hash32,
  signature: expect((v) => isHex(v, 64), '128 lower-case hex characters'),
  notice: object({ fr: nonEmpty, en: nonEmpty }),
});

const anchor: Check = (value, path, problems) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === 'tezos') tezosAnchor(value, path, problems);
  else if (kind === 'local-dev') localDevAnchor(value, path, problems);
  else problems.push(`${path}.kind: expected "tezos" or "local-dev"`);
};

const certificateShape = object({
  format: literal(CERTIFICATE_FORMAT),
  version: literal(CERTIFICATE_VERSION),
  generatedAt: isoTime,
  algorithm: object(Object.fromEntries(Object.entries(MERKLE_ALGORITHM).map(([key, wanted]) => [key, literal(wanted)]))),
  folder: object({ id: nonEmpty, number: text, title: text, office: text, notary: text, deedType: text, root: hash32 }),
  files: array(
    object({
      path: nonEmpty,
      client: text,
      documentType: text,
      name: nonEmpty,
      sha256: hash32,
      leafIndex: naturalNumber,
      merklePath: array(pathStep),
    }),
    1,
  ),
  batch: object({ root: hash32, path: array(pathStep) }),
  anchor,
});

/** Checks that `value` has the shape of a version-1 certificate; lists every problem with its JSON path. */
export function validateCertificate(value: unknown): CertificateValidation {
  const problems: string[] = [];
  certificateShape(value, '$', problems);
  if (problems.length === 0) {
    const files = (value as ProofCertificate).files;
    files.forEach((file, index) => {
      if (file.leafIndex !== index) problems.push(`$.files[${index}].leafIndex: expected ${index} (files are listed in leaf order)`);
    });
    const seen = new Set<string>();
    for (const file of files) {
      if (seen.has(file.path)) problems.push(`$.files: the path "${file.path}" appears twice`);
      seen.add(file.path);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, certificate: value as ProofCertificate };
}
