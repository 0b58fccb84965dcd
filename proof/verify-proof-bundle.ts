import { unzipSync } from 'fflate';
import { sha256Hex } from './bytes.js';
import { BUNDLE_PATHS, type ProofCertificate, validateCertificate } from './certificate.js';
import { rootFromPath, rootOfData } from './merkle.js';
import { type AnchorVerdict, type FileVerdict, type Problem, summarise, type VerificationReport } from './report.js';
import type { TimestampTrustOptions } from './timestamp.js';
import { verifyBundleTimestamp } from './timestamp-entry.js';
import { type AnchorCheckOptions, verifyAnchor } from './verify-anchor.js';

export type VerifyOptions = AnchorCheckOptions & TimestampTrustOptions;

const CERT = BUNDLE_PATHS.certificate;

/**
 * Verifies a LeCoffre proof bundle (the ZIP from GET /v1/folders/{id}/proof) without trusting LeCoffre:
 * re-hashes every document under `Documents du client/`, follows each file's Merkle path to the folder root,
 * the batch path to the anchored root, and checks the anchor (Ed25519 signature for local-dev; with
 * `tezosRpcUrl`, that the Tezos operation is in that block and carries the root). Every problem names its
 * culprit: a document (modified, missing, renamed, extra) or certificate.json (edited).
 * Runs in browsers and Node >= 20 (WebCrypto, fflate); the whole ZIP is in memory.
 */
export async function verifyProofBundle(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = normaliseNames(unzipSync(zip));
  } catch (error) {
    return failed({
      code: 'bundle_unreadable',
      culprit: 'bundle',
      message: {
        fr: `Le fichier n’est pas une archive ZIP lisible (${String(error)}).`,
        en: `The file is not a readable ZIP archive (${String(error)}).`,
      },
    });
  }
  const certificate = readCertificate(entries[CERT]);
  if ('problem' in certificate) return failed(...certificate.problem);

  const problems: Problem[] = [];
  const { verdicts: files, folderRoot } = await verifyFiles(certificate.value, entries, problems);
  await verifyTrees(certificate.value, folderRoot, files, problems);
  const anchorCheck = await verifyAnchor(certificate.value.anchor, certificate.value.batch.root, options);
  problems.push(...anchorCheck.problems);
  // The RFC 3161 timestamp beside the anchor (proof/timestamp-entry.ts).
  const timestampCheck = await verifyBundleTimestamp(certificate.value, entries, options);
  problems.push(...timestampCheck.problems);
  return { ...report(certificate.value, files, anchorCheck.verdict, problems), timestamp: timestampCheck.verdict };
}

function readCertificate(bytes: Uint8Array | undefined): { value: ProofCertificate } | { problem: Problem[] } {
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

interface FileEvidence {
  index: number;
  path: string;
  sha256: string;
  /** SHA-256 of the bytes in the ZIP; undefined when absent under the certified path. */
  actual?: string;
  /** The root that the certified SHA-256 reaches along the certified Merkle path. */
  reaches: string | null;
}

/**
 * Compares every certified file with the ZIP and returns the verdicts and the folder root they were judged
 * against: the stated one, unless no entry reaches it while every intact entry agrees on another one, which
 * means only `folder.root` itself was edited (one culprit, not one per file).
 */
async function verifyFiles(certificate: ProofCertificate, entries: Record<string, Uint8Array>, problems: Problem[]) {
  const certified = new Set(certificate.files.map((file) => file.path.normalize('NFC')));
  const extras = new Map<string, string>(); // path -> sha256, for documents the certificate does not list
  for (const [path, bytes] of Object.entries(entries)) {
    if (isDocument(path) && !certified.has(path)) extras.set(path, await sha256Hex(bytes));
  }
  const evidence: FileEvidence[] = [];
  for (const [index, file] of certificate.files.entries()) {
    const path = file.path.normalize('NFC');
    const bytes = entries[path];
    const actual = bytes ? await sha256Hex(bytes) : undefined;
    evidence.push({ index, path, sha256: file.sha256, actual, reaches: await rootFromPath(file.sha256, file.merklePath) });
  }
  const folderRoot = judgedRoot(certificate.folder.root, evidence, problems);

  const verdicts: FileVerdict[] = [];
  for (const { index, path, sha256, actual, reaches } of evidence) {
    if (actual === undefined) {
      const movedTo = [...extras].find(([, hash]) => hash === sha256)?.[0];
      if (movedTo) {
        extras.delete(movedTo);
        const message = { fr: `Renommé : « ${path} » se trouve sous « ${movedTo} ».`, en: `Renamed: "${path}" is now "${movedTo}".` };
        verdicts.push({ path, status: 'renamed', expectedSha256: sha256, actualSha256: sha256, foundAt: movedTo, message });
        problems.push({ code: 'file_renamed', culprit: movedTo, detail: `certified as ${path}`, message });
      } else {
        const message = { fr: `Manquant : « ${path} » n’est pas dans l’archive.`, en: `Missing: "${path}" is not in the archive.` };
        verdicts.push({ path, status: 'missing', expectedSha256: sha256, message });
        problems.push({ code: 'file_missing', culprit: path, message });
      }
    } else if (reaches === folderRoot && actual === sha256) {
      verdicts.push({ path, status: 'ok', expectedSha256: sha256, actualSha256: actual, message: { fr: 'Intègre.', en: 'Intact.' } });
    } else if (reaches === folderRoot) {
      const message = {
        fr: `Modifié : le contenu de « ${path} » n’est plus celui qui a été validé et ancré.`,
        en: `Modified: the content of "${path}" is not the one that was validated and anchored.`,
      };
      verdicts.push({ path, status: 'modified', expectedSha256: sha256, actualSha256: actual, message });
      problems.push({ code: 'file_modified', culprit: path, message });
    } else {
      // The certified hash does not lead to the root: the certificate's entry was edited (its hash or its path).
      const message = {
        fr: `certificate.json a été modifié : l’entrée de « ${path} » (empreinte ou chemin de Merkle) ne mène plus à l’empreinte du dossier.`,
        en: `certificate.json was altered: the entry for "${path}" (hash or Merkle path) no longer leads to the folder hash.`,
      };
      verdicts.push({ path, status: 'certificate_mismatch', expectedSha256: sha256, actualSha256: actual, message });
      problems.push({ code: 'certificate_file_entry_altered', culprit: CERT, detail: `$.files[${index}]`, message });
    }
  }
  for (const [path, hash] of extras) {
    const message = { fr: `En trop : « ${path} » ne figure pas dans le certificat.`, en: `Extra: "${path}" is not in the certificate.` };
    verdicts.push({ path, status: 'extra', actualSha256: hash, message });
    problems.push({ code: 'file_extra', culprit: path, message });
  }
  verdicts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { verdicts, folderRoot };
}

function judgedRoot(stated: string, evidence: readonly FileEvidence[], problems: Problem[]): string {
  if (evidence.some((file) => file.reaches === stated)) return stated;
  const agreed = new Set(evidence.filter((file) => file.actual === file.sha256).map((file) => file.reaches));
  const [only] = agreed;
  if (agreed.size !== 1 || only === null || only === undefined) return stated;
  problems.push({
    code: 'certificate_folder_root_altered',
    culprit: CERT,
    detail: '$.folder.root',
    message: {
      fr: `certificate.json a été modifié : l’empreinte du dossier indiquée n’est pas celle que donnent les documents (${only}).`,
      en: `certificate.json was altered: the stated folder hash is not the one the documents give (${only}).`,
    },
  });
  return only;
}

/** Checks what per-file paths cannot: that the list is complete (the root rebuilt from all hashes) and the batch path. */
async function verifyTrees(certificate: ProofCertificate, folderRoot: string, files: FileVerdict[], problems: Problem[]): Promise<void> {
  const entriesHold = files.every((file) => file.status !== 'certificate_mismatch');
  const rebuilt = await rootOfData(certificate.files.map((file) => file.sha256));
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

function report(certificate: ProofCertificate, files: FileVerdict[], anchor: AnchorVerdict, problems: Problem[]): VerificationReport {
  const { id, number, title, root } = certificate.folder;
  return { ok: problems.length === 0, summary: summarise(problems, anchor), folder: { id, number, title, root }, files, anchor, problems };
}

function failed(...problems: Problem[]): VerificationReport {
  return { ok: false, summary: summarise(problems, null), folder: null, files: [], anchor: null, problems };
}

function isDocument(path: string): boolean {
  if (!path.startsWith(`${BUNDLE_PATHS.documentsDir}/`) || path.endsWith('/')) return false;
  // Archive tools add these when a bundle is re-zipped; they are not documents.
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !name.startsWith('.') && name !== 'Thumbs.db';
}

/** macOS stores names decomposed (NFD): compare in NFC so a re-zipped "Hélène" is still "Hélène". */
function normaliseNames(entries: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.startsWith('__MACOSX/')) out[name.normalize('NFC')] = bytes;
  }
  return out;
}
