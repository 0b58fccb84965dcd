/** What verifyProofBundle answers: one verdict per document, the culprits, the anchor's standing. */
import type { TimestampVerdict } from './timestamp.js';

/** Every message the verifier writes exists in French (first) and English. */
export interface Bilingual {
  fr: string;
  en: string;
}

export type FileStatus =
  /** Bytes hash to the certified SHA-256, and that SHA-256 leads to the folder root. */
  | 'ok'
  /** Bytes differ from what was certified. */
  | 'modified'
  /** Certified, absent from the ZIP. */
  | 'missing'
  /** Absent under its certified name, present under another one with the same bytes. */
  | 'renamed'
  /** In the ZIP's documents folder, not in the certificate. */
  | 'extra'
  /** The bytes are the anchored ones, but certificate.json's entry for them was altered. */
  | 'certificate_mismatch';

export interface FileVerdict {
  /** Path inside the ZIP (for a renamed file: the certified path). */
  path: string;
  status: FileStatus;
  expectedSha256?: string;
  actualSha256?: string;
  /** For a renamed file: where its bytes are now. */
  foundAt?: string;
  message: Bilingual;
}

export type ProblemCode =
  | 'bundle_unreadable'
  | 'certificate_missing'
  | 'certificate_not_json'
  | 'certificate_invalid'
  | 'certificate_file_entry_altered'
  | 'certificate_folder_root_altered'
  | 'certificate_file_list_altered'
  | 'certificate_batch_path_altered'
  | 'certificate_field_altered'
  | 'certificate_metadata_altered'
  | 'metadata_record_altered'
  | 'audit_journal_altered'
  | 'file_modified'
  | 'file_missing'
  | 'file_renamed'
  | 'file_extra'
  | 'anchor_signature_invalid'
  | 'anchor_not_on_chain'
  /** The certificate names a Tezos network whose chain id the verifier does not know. */
  | 'anchor_network_unknown'
  /** The certificate's chain id is not the one of the network it names. */
  | 'anchor_network_mismatch'
  /** timestamp.tsr is not an RFC 3161 answer with a granted token over a TSTInfo. */
  | 'timestamp_unreadable'
  /** The token's message imprint is not SHA-256 of the batch root. */
  | 'timestamp_imprint_mismatch'
  /** The token's CMS signature does not hold. */
  | 'timestamp_signature_invalid'
  /** The token is signed by a certificate that is not a time-stamping authority's. */
  | 'timestamp_signer_not_tsa'
  /** certificate.json announces a timestamp the archive does not carry, or states other facts than the token. */
  | 'timestamp_missing'
  | 'certificate_timestamp_altered'
  | 'anchor_rpc_unreachable';

export interface Problem {
  code: ProblemCode;
  /** What is at fault: a path inside the ZIP (`certificate.json`, `Documents du client/…`) or `anchor`. */
  culprit: string;
  /** Extra precision, such as a JSON path inside certificate.json. */
  detail?: string;
  message: Bilingual;
}

export type AnchorStatus =
  /** A Tezos node confirmed: the operation is in that block, carries the root, applied, final. */
  | 'verified'
  /** Tezos anchor, but no RPC was given: hashes checked offline only. */
  | 'not_checked'
  /** The local-dev signature is valid; by design this is not a public-chain anchor. */
  | 'local_dev'
  /** The block is known but not yet final (fewer than 2 blocks on top). */
  | 'pending'
  | 'failed';

export interface AnchorVerdict {
  status: AnchorStatus;
  kind: 'tezos' | 'local-dev';
  network: string;
  operationHash: string;
  explorerUrl: string | null;
  message: Bilingual;
}

/** Why a proof that holds is still not a full proof for a third party. */
export type WarningCode = 'anchor_local_dev' | 'anchor_not_checked' | 'anchor_pending' | 'metadata_not_covered';

export interface Warning {
  code: WarningCode;
  message: Bilingual;
}

/**
 * The one verdict the CLI, the SDK and /verify all show: `valid` only when the documents, every displayed
 * field and the journal are committed and a public-chain anchor was checked; `warning` when nothing is wrong
 * but something is not proven (local-dev signature, anchor not checked or not final, legacy format);
 * `invalid` when anything is wrong.
 */
export type Verdict = 'valid' | 'warning' | 'invalid';

export interface VerificationReport {
  verdict: Verdict;
  /** True when nothing is wrong (verdict `valid` or `warning`). */
  ok: boolean;
  summary: Bilingual;
  /** 2, or 1 for a legacy bundle; null when no certificate could be read. */
  formatVersion: 1 | 2 | null;
  folder: { id: string; number: string; title: string; root: string } | null;
  files: FileVerdict[];
  anchor: AnchorVerdict | null;
  /** The RFC 3161 timestamp's standing; only `qualified` is green (absent when the bundle could not be read). */
  timestamp?: TimestampVerdict;
  problems: Problem[];
  warnings: Warning[];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function verdictOf(problems: readonly Problem[], warnings: readonly Warning[]): Verdict {
  return problems.length > 0 ? 'invalid' : warnings.length > 0 ? 'warning' : 'valid';
}

export function summarise(problems: readonly Problem[], warnings: readonly Warning[]): Bilingual {
  if (problems.length === 1 && problems[0].code === 'bundle_unreadable') return problems[0].message;
  if (problems.length > 0) {
    const culprits = [...new Set(problems.map((p) => p.culprit))].join(', ');
    return {
      fr: `ÉCHEC : la preuve ne tient pas (${plural(problems.length, 'problème', 'problèmes')} ; en cause : ${culprits}).`,
      en: `FAILED: the proof does not hold (${plural(problems.length, 'problem', 'problems')}; at fault: ${culprits}).`,
    };
  }
  if (warnings.length > 0) {
    return {
      fr: `À CONFIRMER : rien n’a été modifié, mais la preuve n’est pas complète. ${warnings.map((w) => w.message.fr).join(' ')}`,
      en: `TO CONFIRM: nothing was altered, but the proof is not complete. ${warnings.map((w) => w.message.en).join(' ')}`,
    };
  }
  return {
    fr: 'VALIDE : chaque document, chaque information du certificat et le journal d’audit correspondent à ce qui a été ancré sur Tezos (vérifié auprès du nœud).',
    en: 'VALID: every document, every field of the certificate and the audit journal match what was anchored on Tezos (checked against the node).',
  };
}

/** The warnings an anchor that holds still calls for. */
export function anchorWarnings(anchor: AnchorVerdict): Warning[] {
  switch (anchor.status) {
    case 'local_dev':
      return [
        {
          code: 'anchor_local_dev',
          message: {
            fr: 'Cette preuve vient d’un serveur de développement : elle est signée par une clé locale et n’est ancrée sur aucune blockchain publique. Elle ne prouve rien à un tiers.',
            en: 'This proof comes from a development server: it is signed by a local key and is not anchored on any public blockchain. It proves nothing to a third party.',
          },
        },
      ];
    case 'not_checked':
      return [
        {
          code: 'anchor_not_checked',
          message: {
            fr: 'L’ancrage sur Tezos n’a pas été vérifié : indiquez un nœud Tezos pour le confirmer.',
            en: 'The Tezos anchor was not checked: name a Tezos node to confirm it.',
          },
        },
      ];
    case 'pending':
      return [
        {
          code: 'anchor_pending',
          message: {
            fr: 'L’ancrage sur Tezos n’est pas encore définitif : vérifiez à nouveau dans quelques minutes.',
            en: 'The Tezos anchor is not final yet: verify again in a few minutes.',
          },
        },
      ];
    default:
      return [];
  }
}

export const LEGACY_WARNING: Warning = {
  code: 'metadata_not_covered',
  message: {
    fr: 'Ancien format (version 1) : seul le contenu des documents est prouvé ; le numéro, l’intitulé, l’office, les noms et les dates affichés ne le sont pas.',
    en: 'Old format (version 1): only the documents’ contents are proven; the displayed number, title, office, names and dates are not.',
  },
};
