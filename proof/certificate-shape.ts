import { isHex } from './bytes.js';
import {
  type AnyCertificate,
  BUNDLE_PATHS,
  CERTIFICATE_FORMAT,
  CERTIFICATE_VERSION,
  FORMAT_SPECIFICATION,
  LEGACY_CERTIFICATE_VERSION,
  MERKLE_ALGORITHM,
  MERKLE_ALGORITHM_V1,
} from './certificate.js';

export type CertificateValidation = { ok: true; certificate: AnyCertificate } | { ok: false; problems: string[] };

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

const literals = (wanted: Record<string, string>): Check =>
  object(Object.fromEntries(Object.entries(wanted).map(([key, value]) => [key, literal(value)])));

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

const fileV1Fields = {
  path: nonEmpty,
  client: text,
  documentType: text,
  name: nonEmpty,
  sha256: hash32,
  leafIndex: naturalNumber,
  merklePath: array(pathStep),
};

const batch = object({ root: hash32, path: array(pathStep) });

const certificateV1 = object({
  format: literal(CERTIFICATE_FORMAT),
  version: literal(LEGACY_CERTIFICATE_VERSION),
  generatedAt: isoTime,
  algorithm: literals(MERKLE_ALGORITHM_V1),
  folder: object({ id: nonEmpty, number: text, title: text, office: text, notary: text, deedType: text, root: hash32 }),
  files: array(object(fileV1Fields), 1),
  batch,
  anchor,
});

const certificateV2 = object({
  format: literal(CERTIFICATE_FORMAT),
  formatVersion: literal(CERTIFICATE_VERSION),
  generatedAt: isoTime,
  specification: literal(FORMAT_SPECIFICATION),
  algorithm: literals(MERKLE_ALGORITHM),
  folder: object({
    id: nonEmpty,
    number: text,
    title: text,
    office: text,
    crpcen: text,
    notary: text,
    deedType: text,
    depositors: array(text),
    root: hash32,
  }),
  files: array(
    object({
      ...fileV1Fields,
      mediaType: text,
      size: naturalNumber,
      uploadedAt: isoTime,
      validatedAt: isoTime,
      validatedBy: text,
    }),
    1,
  ),
  audit: object({ path: literal(BUNDLE_PATHS.audit), events: naturalNumber, head: hash32 }),
  metadata: object({ path: literal(BUNDLE_PATHS.metadata), sha256: hash32, leafIndex: naturalNumber, merklePath: array(pathStep) }),
  batch,
  anchors: object({ chain: anchor }),
});

/** Checks that `value` has the shape of a version-2 (or a legacy version-1) certificate; lists every problem with its JSON path. */
export function validateCertificate(value: unknown): CertificateValidation {
  const problems: string[] = [];
  const v2 = typeof value === 'object' && value !== null && 'formatVersion' in value;
  (v2 ? certificateV2 : certificateV1)(value, '$', problems);
  if (problems.length === 0) {
    const files = (value as AnyCertificate).files;
    files.forEach((file, index) => {
      if (file.leafIndex !== index) problems.push(`$.files[${index}].leafIndex: expected ${index} (files are listed in leaf order)`);
    });
    const seen = new Set<string>();
    for (const file of files) {
      if (seen.has(file.path)) problems.push(`$.files: the path "${file.path}" appears twice`);
      seen.add(file.path);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, certificate: value as AnyCertificate };
}
