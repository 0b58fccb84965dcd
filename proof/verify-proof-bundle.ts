import { unzipSync } from 'fflate';
import { verifyAuditJournal } from './audit-journal.js';
import { hexToBytes } from './bytes.js';
import { type AnyCertificate, BUNDLE_PATHS, chainAnchorOf, isLegacyCertificate } from './certificate.js';
import { validateCertificate } from './certificate-shape.js';
import { merkleLeaf, rootFromPath, rootOfLeaves } from './merkle.js';
import { metadataLeaf } from './metadata.js';
import {
  type AnchorVerdict,
  anchorWarnings,
  type FileVerdict,
  LEGACY_WARNING,
  type Problem,
  summarise,
  type VerificationReport,
  verdictOf,
  type Warning,
} from './report.js';
import type { TimestampTrustOptions, TimestampVerdict } from './timestamp.js';
import { verifyBundleTimestamp } from './timestamp-entry.js';
import { type AnchorCheckOptions, verifyAnchor } from './verify-anchor.js';
import { verifyFiles } from './verify-files.js';
import { verifyMetadata } from './verify-metadata.js';

export type VerifyOptions = AnchorCheckOptions & TimestampTrustOptions;

const CERT = BUNDLE_PATHS.certificate;

/**
 * Verifies a LeCoffre proof bundle (the ZIP from GET /v1/folders/{id}/proof) without trusting LeCoffre:
 * re-hashes every document under `Documents du client/`, follows each file's Merkle path to the folder root,
 * rebuilds the metadata record from what certificate.json shows (version 2) and the folder's audit chain,
 * follows the batch path to the anchored root, and checks the anchor (Ed25519 signature for local-dev; with
 * `tezosRpcUrl`, that the Tezos operation is in that block and carries the root). Every problem names its
 * culprit: a document (modified, missing, renamed, extra), certificate.json (the field edited),
 * metadata.json or journal-d-audit.json (the first event that does not follow).
 * Runs in browsers and Node >= 20 (WebCrypto, fflate); the whole ZIP is in memory.
 */
export async function verifyProofBundle(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = normaliseNames(unzipSync(zip));
  } catch {
    // fflate's own words ("invalid zip data") mean nothing to a notary: the message says what the file is not.
    return failed({
      code: 'bundle_unreadable',
      culprit: 'bundle',
      message: {
        fr: 'Ce fichier n’est pas une preuve LeCoffre : le ZIP est illisible.',
        en: 'This file is not a LeCoffre proof: the ZIP cannot be read.',
      },
    });
  }
  const certificate = readCertificate(entries[CERT]);
  if ('problem' in certificate) return failed(...certificate.problem);
  const cert = certificate.value;

  const problems: Problem[] = [];
  const { verdicts: files, folderRoot } = await verifyFiles(cert, entries, problems);
  await verifyTrees(cert, folderRoot, files, problems);
  if (!isLegacyCertificate(cert)) {
    problems.push(...(await verifyMetadata(cert, entries[BUNDLE_PATHS.metadata], folderRoot)));
    problems.push(...(await verifyAuditJournal(entries[BUNDLE_PATHS.audit], cert)));
  }
  const anchorCheck = await verifyAnchor(chainAnchorOf(cert), cert.batch.root, options);
  const anchorAt = isLegacyCertificate(cert) ? '$.anchor' : '$.anchors.chain';
  problems.push(...anchorCheck.problems.map((problem) => (problem.detail === '$.anchor' ? { ...problem, detail: anchorAt } : problem)));
  // The RFC 3161 timestamp beside the anchor (proof/timestamp-entry.ts); version-1 bundles have none.
  const timestampCheck = isLegacyCertificate(cert) ? undefined : await verifyBundleTimestamp(cert, entries, options);
  problems.push(...(timestampCheck?.problems ?? []));
  return report(cert, files, anchorCheck.verdict, problems, timestampCheck?.verdict);
}

function readCertificate(bytes: Uint8Array | undefined): { value: AnyCertificate } | { problem: Problem[] } {
  if (!bytes) {
    return {
      problem: [
        {
          code: 'certificate_missing',
          culprit: CERT,
          message: { fr: 'certificate.json est absent de l’archive.', en: 'certificate.json is missing from the archive.' },
        },
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return {
      problem: [
        {
          code: 'certificate_not_json',
          culprit: CERT,
          message: {
            fr: 'certificate.json n’est pas du JSON valide : il a été modifié.',
            en: 'certificate.json is not valid JSON: it was altered.',
          },
        },
      ],
    };
  }
  const validation = validateCertificate(parsed);
  if (validation.ok) return { value: validation.certificate };
  return {
    problem: validation.problems.map((detail) => ({
      code: 'certificate_invalid' as const,
      culprit: CERT,
      detail,
      message: {
        fr: `certificate.json a été modifié ou est incomplet : ${detail}`,
        en: `certificate.json was altered or is incomplete: ${detail}`,
      },
    })),
  };
}

/**
 * Checks what per-file paths cannot: that the list is complete (the root rebuilt from every leaf: the files'
 * and, in version 2, the metadata leaf last) and the batch path.
 */
async function verifyTrees(certificate: AnyCertificate, folderRoot: string, files: FileVerdict[], problems: Problem[]): Promise<void> {
  const entriesHold = files.every((file) => file.status !== 'certificate_mismatch');
  const leaves = await Promise.all(certificate.files.map((file) => merkleLeaf(hexToBytes(file.sha256))));
  if (!isLegacyCertificate(certificate)) leaves.push(await metadataLeaf(certificate.metadata.sha256));
  const rebuilt = await rootOfLeaves(leaves);
  if (entriesHold && rebuilt !== folderRoot) {
    problems.push({
      code: 'certificate_file_list_altered',
      culprit: CERT,
      detail: '$.files',
      message: {
        fr: 'certificate.json a été modifié : la liste des fichiers ne redonne pas l’empreinte du dossier (une entrée a été retirée, ajoutée ou déplacée).',
        en: 'certificate.json was altered: the file list does not rebuild the folder hash (an entry was removed, added or moved).',
      },
    });
  }
  if ((await rootFromPath(folderRoot, certificate.batch.path)) !== certificate.batch.root) {
    problems.push({
      code: 'certificate_batch_path_altered',
      culprit: CERT,
      detail: '$.batch',
      message: {
        fr: 'certificate.json a été modifié : l’empreinte du dossier ne mène pas à l’empreinte ancrée du lot.',
        en: 'certificate.json was altered: the folder hash does not lead to the anchored batch hash.',
      },
    });
  }
}

function report(
  certificate: AnyCertificate,
  files: FileVerdict[],
  anchor: AnchorVerdict,
  problems: Problem[],
  timestamp?: TimestampVerdict,
): VerificationReport {
  const { id, number, title, root } = certificate.folder;
  const legacy = isLegacyCertificate(certificate);
  // A qualified timestamp is green by itself (eIDAS presumes its time accurate): what the chain anchor
  // lacks then costs no warning. Anything less leaves the anchor's warnings standing.
  const anchorSide = timestamp?.qualified ? [] : anchorWarnings(anchor);
  const warnings: Warning[] = problems.length ? [] : [...(legacy ? [LEGACY_WARNING] : []), ...anchorSide];
  const verdict = verdictOf(problems, warnings);
  return {
    verdict,
    ok: verdict !== 'invalid',
    summary: summarise(problems, warnings),
    formatVersion: legacy ? 1 : 2,
    folder: { id, number, title, root },
    files,
    anchor,
    ...(timestamp ? { timestamp } : {}),
    problems,
    warnings,
  };
}

function failed(...problems: Problem[]): VerificationReport {
  return {
    verdict: 'invalid',
    ok: false,
    summary: summarise(problems, []),
    formatVersion: null,
    folder: null,
    files: [],
    anchor: null,
    problems,
    warnings: [],
  };
}

/** macOS stores names decomposed (NFD): compare in NFC so a re-zipped "Hélène" is still "Hélène". */
function normaliseNames(entries: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.startsWith('__MACOSX/')) out[name.normalize('NFC')] = bytes;
  }
  return out;
}
