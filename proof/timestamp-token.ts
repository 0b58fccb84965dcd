import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesToHex } from './bytes.js';
import { distinguishedName } from './timestamp-certs.js';
import { OID } from './timestamp-oids.js';

/** What a token states, in plain values (no ASN.1 objects): what verifiers report. */
export interface TimestampTokenFacts {
  /** The token (ContentInfo of the SignedData), DER. */
  token: Uint8Array;
  genTime: Date;
  policy: string;
  serialNumber: string;
  /** `hashAlgorithm` OID and `hashedMessage` (hex) of the message imprint. */
  imprint: { algorithm: string; hex: string };
  nonce: string | null;
  /** The TSA's name as the token states it (`tsa` field), else the signer certificate's subject. */
  tsaName: string;
}

/** An RFC 3161 answer taken apart: the signed token, what its TSTInfo says and who signed it. */
export interface ParsedTimestamp extends TimestampTokenFacts {
  signedData: pkijs.SignedData;
  tstInfo: pkijs.TSTInfo;
  signerCertificate: pkijs.Certificate | null;
}

export class TimestampParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampParseError';
  }
}

/**
 * Reads a TimeStampResp (RFC 3161 §2.4.2, what `openssl ts -reply` writes and a `.tsr` file holds) or a bare
 * TimeStampToken. Refuses an answer whose status is not granted, a token that is not SignedData over TSTInfo.
 */
export function parseTimestamp(der: Uint8Array): ParsedTimestamp {
  const asn = fromDer(der);
  const token = isResponse(asn) ? tokenOfResponse(asn) : new pkijs.ContentInfo({ schema: asn });
  if (token.contentType !== OID.signedData) throw new TimestampParseError('The token is not CMS SignedData.');
  const signedData = new pkijs.SignedData({ schema: token.content });
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
    throw new TimestampParseError('The signed content is not a TSTInfo.');
  }
  const tstInfo = pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent.getValue());
  const signerCertificate = signerOf(signedData);
  const tsaName =
    tstInfo.tsa?.type === 4
      ? distinguishedName(tstInfo.tsa.value as pkijs.RelativeDistinguishedNames)
      : signerCertificate
        ? distinguishedName(signerCertificate.subject)
        : '';
  return {
    signedData,
    tstInfo,
    token: new Uint8Array(token.toSchema().toBER()),
    genTime: tstInfo.genTime,
    policy: normaliseOid(tstInfo.policy),
    serialNumber: bytesToHex(tstInfo.serialNumber.valueBlock.valueHexView),
    imprint: {
      algorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
      hex: bytesToHex(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    },
    nonce: tstInfo.nonce ? bytesToHex(tstInfo.nonce.valueBlock.valueHexView) : null,
    tsaName,
    signerCertificate,
  };
}

function fromDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) throw new TimestampParseError('The timestamp is not valid DER.');
  return parsed.result;
}

/** A TimeStampResp starts with PKIStatusInfo (a SEQUENCE); a ContentInfo starts with an OID. */
function isResponse(asn: asn1js.AsnType): boolean {
  const first = (asn as asn1js.Sequence).valueBlock?.value?.[0];
  return first instanceof asn1js.Sequence;
}

function tokenOfResponse(asn: asn1js.AsnType): pkijs.ContentInfo {
  const response = new pkijs.TimeStampResp({ schema: asn });
  const status = response.status.status;
  // 0 granted, 1 granted with modifications; anything else carries no token.
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join(' ') ?? '';
    throw new TimestampParseError(`The authority refused the request (status ${status}${text ? `: ${text}` : ''}).`);
  }
  if (!response.timeStampToken) throw new TimestampParseError('The answer carries no token.');
  return response.timeStampToken;
}

function signerOf(signedData: pkijs.SignedData): pkijs.Certificate | null {
  const sid = signedData.signerInfos[0]?.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return null;
  for (const certificate of signedData.certificates ?? []) {
    if (
      certificate instanceof pkijs.Certificate &&
      certificate.issuer.isEqual(sid.issuer) &&
      certificate.serialNumber.isEqual(sid.serialNumber)
    ) {
      return certificate;
    }
  }
  return null;
}

/**
 * asn1js writes an arc too large for a JavaScript number (a UUID arc under 2.25) as `{hex}`, the hex of its
 * base-128 digits, while it encodes it correctly: turn it back into decimal, as OpenSSL prints it.
 */
function normaliseOid(oid: string): string {
  return oid.replace(/\{([0-9a-f]+)\}/gi, (_, hex: string) => {
    let value = 0n;
    for (let i = 0; i < hex.length; i += 2) value = value * 128n + BigInt(Number.parseInt(hex.slice(i, i + 2), 16));
    return value.toString();
  });
}
