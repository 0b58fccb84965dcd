import type { ProofCertificate } from './certificate.js';
import type { Problem } from './report.js';
import { ABSENT_TIMESTAMP, type TimestampCheck, type TimestampTrustOptions, verifyTimestamp } from './timestamp.js';
import { TIMESTAMP_FILE } from './timestamp-oids.js';

/** What a token states, as the server read it when the TSA answered (and as the certificate repeats it). */
export interface TimestampFacts {
  /** The time the TSA vouches for (ISO 8601, UTC). */
  genTime: string;
  /** The TSA's name from the token. */
  tsa: string;
  /** The TSA policy OID the token was issued under. */
  policy: string;
  /** The token's serial number, hex. */
  serialNumber: string;
}

/**
 * certificate.json's `timestamp`: an RFC 3161 token on the batch root, beside the anchor. Optional: a batch
 * the TSA could not stamp in time has none (the proof rests on its anchor). The token itself is the file
 * `timestamp.tsr` at the ZIP's root (a TimeStampResp, DER); this entry only says where it is and what it
 * covers, and repeats the token's own facts for readers without an ASN.1 parser.
 */
export interface TimestampProof extends TimestampFacts {
  kind: 'rfc3161';
  file: typeof TIMESTAMP_FILE;
  /** The token's message imprint: SHA-256 over the 32 bytes of batch.root (not over its hex). */
  imprint: 'SHA-256(batch.root)';
}

export function timestampProofOf(facts: TimestampFacts): TimestampProof {
  return {
    kind: 'rfc3161',
    file: TIMESTAMP_FILE,
    imprint: 'SHA-256(batch.root)',
    genTime: facts.genTime,
    tsa: facts.tsa,
    policy: facts.policy,
    serialNumber: facts.serialNumber,
  };
}

/**
 * The bundle's timestamp: none announced and none present is "absent" (a warning, not a failure); one
 * announced must be in the ZIP, verify against batch.root, and state the facts the certificate repeats.
 */
export async function verifyBundleTimestamp(
  certificate: ProofCertificate,
  entries: Record<string, Uint8Array>,
  options: TimestampTrustOptions,
): Promise<TimestampCheck> {
  const entry = certificate.anchors.timestamp;
  const token = entries[TIMESTAMP_FILE];
  if (entry === undefined && !token) return { verdict: ABSENT_TIMESTAMP, problems: [] };
  if (!token) {
    const message = {
      fr: 'certificate.json annonce un horodatage, mais timestamp.tsr est absent de l’archive.',
      en: 'certificate.json announces a timestamp, but timestamp.tsr is missing from the archive.',
    };
    return {
      verdict: { ...ABSENT_TIMESTAMP, status: 'failed', level: 'error', message },
      problems: [{ code: 'timestamp_missing', culprit: TIMESTAMP_FILE, message }],
    };
  }
  const check = await verifyTimestamp(token, certificate.batch.root, options);
  if (check.verdict.status === 'failed') return check;
  const stated = entry as Partial<TimestampProof> | undefined;
  const agrees =
    stated?.kind === 'rfc3161' &&
    stated.file === TIMESTAMP_FILE &&
    Date.parse(stated.genTime ?? '') === Date.parse(check.verdict.genTime ?? '') &&
    stated.serialNumber === check.verdict.serialNumber &&
    stated.policy === check.verdict.policy;
  if (agrees) return check;
  const message = {
    fr: 'certificate.json a été modifié : son entrée « anchors.timestamp » ne dit pas ce que dit timestamp.tsr (heure, numéro ou politique).',
    en: 'certificate.json was altered: its "anchors.timestamp" entry does not state what timestamp.tsr states (time, serial or policy).',
  };
  const problem: Problem = { code: 'certificate_timestamp_altered', culprit: 'certificate.json', detail: '$.anchors.timestamp', message };
  return { ...check, problems: [...check.problems, problem] };
}
