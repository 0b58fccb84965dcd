import * as pkijs from 'pkijs';
import { bytesToHex, hexToBytes, sha256 } from './bytes.js';
import type { Bilingual, Problem } from './report.js';
import { type CertificateSource, readCertificates } from './timestamp-certs.js';
import { DEV_TSA_POLICY, OID, TIMESTAMP_FILE } from './timestamp-oids.js';
import { type ParsedTimestamp, parseTimestamp, type TimestampTokenFacts } from './timestamp-token.js';

/**
 * Verifies an RFC 3161 timestamp on a batch root, in Node and browsers (pkijs on WebCrypto, no Node module):
 * the token's message imprint is SHA-256 of the root's 32 bytes, the CMS signature holds, the signer is a
 * TSA (extendedKeyUsage id-kp-timeStamping, critical, alone: RFC 3161 §2.3), and its chain reaches the trust
 * anchors the caller gives.
 *
 * "Qualified" (eIDAS art. 42) is the caller's call: this verifier ships no EU trust list. A token is reported
 * qualified only when its chain reaches one of `qualifiedTimestampAnchors`, which the caller takes from the
 * trust list it relies on; and never when it was issued under DEV_TSA_POLICY (LeCoffre's local development
 * TSA), whatever anchors are given.
 */
export interface TimestampTrustOptions {
  /** Roots the caller trusts for time-stamping (PEM or DER): a chain to one makes the token "trusted". */
  timestampTrustAnchors?: readonly CertificateSource[];
  /** Roots of qualified TSAs, from the caller's trust list: a chain to one makes the token "qualified". */
  qualifiedTimestampAnchors?: readonly CertificateSource[];
}

export type TimestampStatus =
  /** Imprint, signature, TSA certificate, and a chain to a qualified anchor the caller gave. */
  | 'qualified'
  /** As qualified, but the chain reaches an anchor the caller trusts without calling it qualified. */
  | 'trusted'
  /** Imprint, signature and TSA certificate hold, but no chain reaches an anchor the caller gave. */
  | 'untrusted'
  /** The bundle carries no timestamp (the authority was unreachable when the batch was anchored). */
  | 'absent'
  | 'failed';

export interface TimestampVerdict {
  status: TimestampStatus;
  /** green only when qualified: every other outcome is a warning (or an error when failed). */
  level: 'green' | 'warning' | 'error';
  qualified: boolean;
  /** Issued by LeCoffre's local development TSA: proves nothing to a third party. */
  devTsa: boolean;
  /** The time the authority vouches for (ISO 8601, UTC). */
  genTime: string | null;
  tsa: string | null;
  policy: string | null;
  serialNumber: string | null;
  message: Bilingual;
}

export interface TimestampCheck {
  verdict: TimestampVerdict;
  problems: Problem[];
  parsed?: TimestampTokenFacts;
}

const EMPTY = { qualified: false, devTsa: false, genTime: null, tsa: null, policy: null, serialNumber: null } as const;

export const ABSENT_TIMESTAMP: TimestampVerdict = {
  ...EMPTY,
  status: 'absent',
  level: 'warning',
  message: {
    fr: 'Pas d’horodatage RFC 3161 : la preuve repose sur son ancrage seul.',
    en: 'No RFC 3161 timestamp: the proof rests on its anchor alone.',
  },
};

/** Checks `tsr` (a TimeStampResp or TimeStampToken, DER) against the batch root `rootHex`. */
export async function verifyTimestamp(tsr: Uint8Array, rootHex: string, options: TimestampTrustOptions = {}): Promise<TimestampCheck> {
  let parsed: ParsedTimestamp;
  try {
    parsed = parseTimestamp(tsr);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return failure('timestamp_unreadable', { fr: `Horodatage illisible : ${why}`, en: `Unreadable timestamp: ${why}` });
  }
  const facts = {
    devTsa: parsed.policy === DEV_TSA_POLICY,
    genTime: parsed.genTime.toISOString(),
    tsa: parsed.tsaName,
    policy: parsed.policy,
    serialNumber: parsed.serialNumber,
  };
  const failed = (code: Problem['code'], message: Bilingual): TimestampCheck => ({ ...failure(code, message, facts), parsed });

  const root = hexToBytes(rootHex);
  const expected = bytesToHex(await sha256(root));
  if (parsed.imprint.algorithm !== OID.sha256 || parsed.imprint.hex !== expected) {
    return failed('timestamp_imprint_mismatch', {
      fr: `L’horodatage porte sur une autre empreinte (${parsed.imprint.hex}) que SHA-256 de l’empreinte du lot (${expected}).`,
      en: `The timestamp covers another imprint (${parsed.imprint.hex}) than SHA-256 of the batch hash (${expected}).`,
    });
  }
  if (!(await signatureHolds(parsed, root))) {
    return failed('timestamp_signature_invalid', {
      fr: 'La signature de l’horodatage ne correspond pas à son contenu : timestamp.tsr a été modifié.',
      en: 'The timestamp’s signature does not match its content: timestamp.tsr was altered.',
    });
  }
  if (!parsed.signerCertificate || !isTsaCertificate(parsed.signerCertificate)) {
    return failed('timestamp_signer_not_tsa', {
      fr: 'Le certificat signataire n’est pas celui d’une autorité d’horodatage (usage étendu timeStamping absent ou non critique).',
      en: 'The signing certificate is not a time-stamping authority’s (extended key usage timeStamping missing or not critical).',
    });
  }

  const at = facts.genTime;
  const qualifiedChain = !facts.devTsa && (await chainReaches(parsed, options.qualifiedTimestampAnchors));
  if (qualifiedChain) {
    return verdict('qualified', 'green', facts, {
      fr: `Horodatage qualifié du ${at} par ${facts.tsa}.`,
      en: `Qualified timestamp of ${at} by ${facts.tsa}.`,
    });
  }
  const devNote = facts.devTsa
    ? {
        fr: ' Autorité de DÉVELOPPEMENT local, non qualifiée : ne prouve rien à un tiers.',
        en: ' LOCAL DEVELOPMENT authority, not qualified: proves nothing to a third party.',
      }
    : { fr: '', en: '' };
  const trusted =
    (await chainReaches(parsed, options.timestampTrustAnchors)) ||
    (facts.devTsa && (await chainReaches(parsed, options.qualifiedTimestampAnchors)));
  if (trusted) {
    return verdict('trusted', 'warning', facts, {
      fr: `Horodatage valide du ${at} par ${facts.tsa}, non qualifié.${devNote.fr}`,
      en: `Valid timestamp of ${at} by ${facts.tsa}, not qualified.${devNote.en}`,
    });
  }
  return verdict('untrusted', 'warning', facts, {
    fr: `Horodatage du ${at} par ${facts.tsa} : signature intègre, mais aucune chaîne vers une autorité de confiance fournie.${devNote.fr}`,
    en: `Timestamp of ${at} by ${facts.tsa}: signature intact, but no chain to a trust anchor you gave.${devNote.en}`,
  });

  function verdict(status: TimestampStatus, level: TimestampVerdict['level'], f: typeof facts, message: Bilingual): TimestampCheck {
    return { verdict: { ...f, status, level, qualified: status === 'qualified', message }, problems: [], parsed };
  }
}

function failure(code: Problem['code'], message: Bilingual, facts: Partial<TimestampVerdict> = {}): TimestampCheck {
  return {
    verdict: { ...EMPTY, ...facts, status: 'failed', level: 'error', qualified: false, message },
    problems: [{ code, culprit: TIMESTAMP_FILE, message }],
  };
}

/** The CMS signature over the signed attributes, and the message digest over the TSTInfo (pkijs). */
async function signatureHolds(parsed: ParsedTimestamp, root: Uint8Array): Promise<boolean> {
  try {
    const result = await parsed.signedData.verify({ signer: 0, data: new Uint8Array(root).buffer, checkChain: false, extendedMode: true });
    return result.signatureVerified === true;
  } catch {
    return false;
  }
}

/** RFC 3161 §2.3: the TSA certificate has exactly one extended key usage, id-kp-timeStamping, marked critical. */
export function isTsaCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (!extension?.critical || !(extension.parsedValue instanceof pkijs.ExtKeyUsage)) return false;
  const purposes = extension.parsedValue.keyPurposes;
  return purposes.length === 1 && purposes[0] === OID.timeStamping;
}

/** Whether the signer's chain, with the token's own certificates, ends at one of `anchors` at genTime. */
async function chainReaches(parsed: ParsedTimestamp, anchors: readonly CertificateSource[] | undefined): Promise<boolean> {
  if (!anchors?.length || !parsed.signerCertificate) return false;
  try {
    const signer = parsed.signerCertificate;
    const others = (parsed.signedData.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signer,
    );
    // pkijs validates the path of the last certificate it is given: the signer's.
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: readCertificates(anchors),
      certs: [...others, signer],
      checkDate: parsed.genTime,
    });
    return (await engine.verify()).result;
  } catch {
    return false;
  }
}
