import canonicalize from 'canonicalize';
import { concatBytes, isHex, sha256Hex } from './bytes.js';
import { BUNDLE_PATHS, type ProofCertificateV2 } from './certificate.js';
import type { Problem } from './report.js';

/**
 * The folder's audit journal (journal-d-audit.json, version 2): the folder's events in order, each linked to
 * the previous event of the same folder. Rules (docs/proof-format.md, "Audit chain"):
 *
 *   genesis    = SHA-256(UTF-8("lecoffre-folder-audit-genesis:" || folder id))
 *   body       = the event without its four hash fields (prevHash, hash, folderPrevHash, folderHash)
 *   folderHash = SHA-256(UTF-8(hex folderPrevHash) || UTF-8(RFC 8785 body))
 *
 * `prevHash` / `hash` are the office-wide chain the server keeps besides; a folder's extract of it cannot be
 * checked alone, so the verifier leaves them out.
 */
export const FOLDER_CHAIN_FIELDS = ['folderPrevHash', 'folderHash'] as const;
const OFFICE_CHAIN_FIELDS = ['prevHash', 'hash'] as const;

export async function folderAuditGenesis(folderId: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(`lecoffre-folder-audit-genesis:${folderId}`));
}

/** The hash of one event after `previous` (hex), from the event as it appears in the journal. */
export async function folderEventHash(previous: string, event: Record<string, unknown>): Promise<string> {
  const body = Object.fromEntries(
    Object.entries(event).filter(
      ([key]) => !(FOLDER_CHAIN_FIELDS as readonly string[]).includes(key) && !(OFFICE_CHAIN_FIELDS as readonly string[]).includes(key),
    ),
  );
  const json = canonicalize(body) ?? 'null';
  const encoder = new TextEncoder();
  return sha256Hex(concatBytes(encoder.encode(previous), encoder.encode(json)));
}

const JOURNAL = BUNDLE_PATHS.audit;

function journalProblem(detail: string | undefined, fr: string, en: string): Problem {
  return { code: 'audit_journal_altered', culprit: JOURNAL, detail, message: { fr, en } };
}

/**
 * Recomputes the folder's chain from its genesis and checks that it reaches the committed head after
 * `certificate.audit.events` events. Names the first event that does not follow; events after the
 * committed head (the anchoring itself, later downloads) are chained but not anchored.
 */
export async function verifyAuditJournal(bytes: Uint8Array | undefined, certificate: ProofCertificateV2): Promise<Problem[]> {
  if (!bytes) {
    return [journalProblem(undefined, `${JOURNAL} est absent de l’archive.`, `${JOURNAL} is missing from the archive.`)];
  }
  let events: unknown;
  try {
    events = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return [
      journalProblem(undefined, `${JOURNAL} n’est pas du JSON valide : il a été modifié.`, `${JOURNAL} is not valid JSON: it was altered.`),
    ];
  }
  if (!Array.isArray(events) || !events.every((event) => typeof event === 'object' && event !== null && !Array.isArray(event))) {
    return [journalProblem(undefined, `${JOURNAL} n’est pas une liste d’événements.`, `${JOURNAL} is not a list of events.`)];
  }
  let previous = await folderAuditGenesis(certificate.folder.id);
  for (const [index, event] of (events as Array<Record<string, unknown>>).entries()) {
    const label = `#${index + 1}${typeof event.id === 'string' ? ` (${event.id})` : ''}`;
    const detail = `$[${index}]`;
    if (event.folderPrevHash !== previous) {
      return [
        journalProblem(
          detail,
          `Journal d’audit modifié : l’événement ${label} ne suit pas le précédent (un événement a été retiré, ajouté ou déplacé).`,
          `Audit journal altered: event ${label} does not follow the previous one (an event was removed, added or moved).`,
        ),
      ];
    }
    const hash = await folderEventHash(previous, event);
    if (!isHex(event.folderHash, 32) || event.folderHash !== hash) {
      return [
        journalProblem(
          detail,
          `Journal d’audit modifié : l’événement ${label} a été modifié après son enregistrement.`,
          `Audit journal altered: event ${label} was modified after it was recorded.`,
        ),
      ];
    }
    previous = hash;
  }
  const { events: count, head } = certificate.audit;
  const atHead = count === 0 ? { folderHash: await folderAuditGenesis(certificate.folder.id) } : events[count - 1];
  if (count > events.length || (atHead as Record<string, unknown>).folderHash !== head) {
    const label = count > events.length ? `#${count}` : `#${count} (${String((atHead as Record<string, unknown>).id)})`;
    return [
      journalProblem(
        `$[${count - 1}]`,
        `Journal d’audit modifié : la chaîne ne redonne pas, à l’événement ${label}, la tête ancrée ; un événement jusque-là a été modifié (empreintes recalculées), retiré ou ajouté.`,
        `Audit journal altered: the chain does not give the anchored head at event ${label}; an event up to there was modified (hashes recomputed), removed or added.`,
      ),
    ];
  }
  return [];
}
