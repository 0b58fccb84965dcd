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

export interface VerificationReport {
  /** True when nothing is wrong. A Tezos anchor not checked against a node still counts as ok (see anchor). */
  ok: boolean;
  summary: Bilingual;
  folder: { id: string; number: string; title: string; root: string } | null;
  files: FileVerdict[];
  anchor: AnchorVerdict | null;
  /** The RFC 3161 timestamp's standing; only `qualified` is green (absent when the bundle could not be read). */
  timestamp?: TimestampVerdict;
  problems: Problem[];
}

export function summarise(problems: readonly Problem[], anchor: AnchorVerdict | null): Bilingual {
  if (problems.length > 0) {
    const culprits = [...new Set(problems.map((p) => p.culprit))].join(', ');
    return {
      fr: `ÉCHEC : la preuve ne tient pas (${problems.length} problème(s) ; en cause : ${culprits}).`,
      en: `FAILED: the proof does not hold (${problems.length} problem(s); at fault: ${culprits}).`,
    };
  }
  if (anchor?.status === 'verified') {
    return {
      fr: 'VALIDE : chaque document correspond à son empreinte, et l’empreinte du lot est ancrée sur Tezos (vérifié auprès du nœud).',
      en: 'VALID: every document matches its hash, and the batch hash is anchored on Tezos (checked against the node).',
    };
  }
  if (anchor?.status === 'local_dev') {
    return {
      fr: 'VALIDE (développement local) : documents et signature locale cohérents, mais AUCUN ancrage sur une blockchain publique.',
      en: 'VALID (local development): documents and local signature agree, but NOT anchored on any public blockchain.',
    };
  }
  if (anchor?.status === 'pending') {
    return {
      fr: 'VALIDE, ancrage pas encore définitif : le bloc n’a pas encore 2 blocs au-dessus de lui.',
      en: 'VALID, anchor not final yet: the block does not have 2 blocks on top of it yet.',
    };
  }
  return {
    fr: 'VALIDE hors ligne : chaque document correspond à son empreinte ; l’ancrage Tezos n’a pas été vérifié (donnez --tezos-rpc).',
    en: 'VALID offline: every document matches its hash; the Tezos anchor was not checked (pass --tezos-rpc).',
  };
}
