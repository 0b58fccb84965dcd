import { webcrypto } from 'node:crypto';
import { TIMESTAMP_OID as OID } from '@lecoffre/proof';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

type CryptoKey = webcrypto.CryptoKey;

/**
 * Certificates for a TSA built with pkijs: a self-signed CA and a TSA certificate it issues, with the
 * extensions RFC 3161 §2.3 asks of a TSA (extendedKeyUsage id-kp-timeStamping, critical, alone). ECDSA P-256
 * keys from WebCrypto. Used by the local development TSA (and by tests, which also need a certificate that
 * lacks the timeStamping usage, to see it refused).
 */
export interface TsaIdentity {
  /** The CA at the top of the chain: what a verifier must trust (`-CAfile`). */
  ca: pkijs.Certificate;
  /** The TSA's own certificate, sent in every token (certReq). */
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
}

export interface TsaIdentityOptions {
  caName: string;
  tsaName: string;
  /** false only to build a signer that is NOT a TSA (negative tests). Default true. */
  timeStampingUsage?: boolean;
  /** Validity from now. Default 10 years. */
  years?: number;
  now?: Date;
}

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function createTsaIdentity(options: TsaIdentityOptions): Promise<TsaIdentity> {
  const { subtle } = webcrypto;
  const now = options.now ?? new Date();
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + (options.years ?? 10));
  const caKeys = (await subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const tsaKeys = (await subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;

  const ca = await certificate({
    subject: options.caName,
    issuer: options.caName,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    from: now,
    until,
    extensions: [
      extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema()),
      extension(OID.keyUsage, true, keyUsage(0x06)), // keyCertSign, cRLSign
    ],
  });
  const tsaExtensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    extension(OID.keyUsage, true, keyUsage(0xc0)), // digitalSignature, nonRepudiation
  ];
  if (options.timeStampingUsage !== false) {
    tsaExtensions.push(extension(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: [OID.timeStamping] }).toSchema()));
  }
  const tsa = await certificate({
    subject: options.tsaName,
    issuer: options.caName,
    publicKey: tsaKeys.publicKey,
    signingKey: caKeys.privateKey,
    from: now,
    until,
    extensions: tsaExtensions,
  });
  return { ca, certificate: tsa, privateKey: tsaKeys.privateKey };
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: CryptoKey;
  signingKey: CryptoKey;
  from: Date;
  until: Date;
  extensions: pkijs.Extension[];
}

async function certificate(spec: CertificateSpec): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = webcrypto.getRandomValues(new Uint8Array(16));
  serial[0] &= 0x7f; // a positive INTEGER
  cert.serialNumber = new asn1js.Integer({ valueHex: serial.buffer });
  cert.subject.typesAndValues.push(...distinguished(spec.subject));
  cert.issuer.typesAndValues.push(...distinguished(spec.issuer));
  cert.notBefore.value = spec.from;
  cert.notAfter.value = spec.until;
  await cert.subjectPublicKeyInfo.importKey(spec.publicKey);
  cert.extensions = spec.extensions;
  await cert.sign(spec.signingKey, 'SHA-256');
  return cert;
}

/** `CN` in UTF8String (the dev TSA's name is French, with accents and a dash), O and C fixed. */
function distinguished(commonName: string): pkijs.AttributeTypeAndValue[] {
  return [
    new pkijs.AttributeTypeAndValue({ type: OID.countryName, value: new asn1js.PrintableString({ value: 'FR' }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.organizationName, value: new asn1js.Utf8String({ value: 'LeCoffre' }) }),
    new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) }),
  ];
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** KeyUsage BIT STRING with the bits of the first byte (bit 0 = 0x80); unused trailing bits counted. */
function keyUsage(firstByte: number): asn1js.BitString {
  const unused = firstByte === 0 ? 0 : Math.min(7, Math.log2(firstByte & -firstByte));
  return new asn1js.BitString({ valueHex: new Uint8Array([firstByte]).buffer, unusedBits: unused });
}

export function toPem(der: ArrayBuffer | Uint8Array, label: 'CERTIFICATE' | 'PRIVATE KEY'): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

export function certificatePem(cert: pkijs.Certificate): string {
  return toPem(cert.toSchema().toBER(false), 'CERTIFICATE');
}
