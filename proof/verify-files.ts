import { sha256Hex } from './bytes.js';
import { type AnyCertificate, BUNDLE_PATHS } from './certificate.js';
import { rootFromPath } from './merkle.js';
import type { FileVerdict, Problem } from './report.js';

const CERT = BUNDLE_PATHS.certificate;

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
export async function verifyFiles(certificate: AnyCertificate, entries: Record<string, Uint8Array>, problems: Problem[]) {
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

function isDocument(path: string): boolean {
  if (!path.startsWith(`${BUNDLE_PATHS.documentsDir}/`) || path.endsWith('/')) return false;
  // Archive tools add these when a bundle is re-zipped; they are not documents.
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !name.startsWith('.') && name !== 'Thumbs.db';
}
