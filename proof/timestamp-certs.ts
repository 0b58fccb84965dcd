import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** One or more X.509 certificates: PEM text (any number of blocks), or one DER certificate. */
export type CertificateSource = string | Uint8Array;

/** Parses PEM or DER certificates; throws a TypeError naming what could not be read. */
export function readCertificates(sources: readonly CertificateSource[]): pkijs.Certificate[] {
  return sources.flatMap((source) => (typeof source === 'string' ? pemBlocks(source) : [source]).map(parseDer));
}

function pemBlocks(pem: string): Uint8Array[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => base64(m[1]));
  if (blocks.length === 0) throw new TypeError('No "BEGIN CERTIFICATE" block in the PEM text.');
  return blocks;
}

function parseDer(der: Uint8Array): pkijs.Certificate {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) throw new TypeError('A certificate is not valid DER.');
  return new pkijs.Certificate({ schema: parsed.result });
}

/** atob, not Buffer: the verifier runs in browsers. */
function base64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The certificate's subject as `CN=…, O=…, C=…` (the attributes we can name), for messages. */
export function subjectName(certificate: pkijs.Certificate): string {
  return distinguishedName(certificate.subject);
}

const NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.5': 'serialNumber' };

export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .filter((tv) => NAMES[tv.type])
    .map((tv) => `${NAMES[tv.type]}=${(tv.value.valueBlock as { value?: unknown }).value ?? ''}`)
    .join(', ');
}
