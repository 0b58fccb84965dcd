import { createHash, randomBytes } from 'node:crypto';
import { TIMESTAMP_OID as OID } from '@lecoffre/proof';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TsaIdentity } from './tsa-certificates.js';

/**
 * The signing side of RFC 3161 (§2.4.2), built with pkijs: a TimeStampReq in, a TimeStampResp out. The
 * token is CMS SignedData over a TSTInfo, signed with ECDSA P-256 / SHA-256, with the signed attributes
 * content-type, message-digest, signing-time and ESS signing-certificate-v2 (RFC 5816; OpenSSL refuses a
 * token without it), and the TSA certificate when the request asks for it (certReq).
 */
export interface ResponderOptions {
  identity: TsaIdentity;
  /** The policy OID the tokens are issued under. */
  policy: string;
  now?: () => Date;
}

/** PKIFailureInfo bits (RFC 3161 §2.4.2) we answer with. */
const BAD_ALG = 0;
const BAD_DATA_FORMAT = 5;

export async function respondToTimestampRequest(requestDer: Uint8Array, options: ResponderOptions): Promise<Uint8Array> {
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(new Uint8Array(requestDer));
  } catch {
    return rejection(BAD_DATA_FORMAT, 'malformed TimeStampReq');
  }
  const imprint = request.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256 || imprint.hashedMessage.valueBlock.valueHexView.length !== 32) {
    return rejection(BAD_ALG, 'only SHA-256 imprints are accepted');
  }
  const { identity } = options;
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: options.policy,
    messageImprint: imprint,
    serialNumber: new asn1js.Integer({ valueHex: new Uint8Array(serial).buffer }),
    genTime: new Date(Math.floor((options.now?.() ?? new Date()).getTime() / 1000) * 1000),
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ordering: false,
    ...(request.nonce ? { nonce: request.nonce } : {}),
    tsa: new pkijs.GeneralName({ type: 4, value: identity.certificate.subject }),
  });
  const content = tstInfo.toSchema().toBER(false);
  const certificateDer = identity.certificate.toSchema().toBER(false);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.tstInfo,
      eContent: new asn1js.OctetString({ valueHex: content }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: identity.certificate.issuer, serialNumber: identity.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })),
            attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: tstInfo.genTime })),
            attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: sha256(content) })),
            attribute(OID.signingCertificateV2, signingCertificateV2(certificateDer)),
          ],
        }),
      }),
    ],
    ...(request.certReq ? { certificates: [identity.certificate] } : {}),
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256');
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 { certHash }:
 * hashAlgorithm is left out because SHA-256 is its DEFAULT (DER omits defaults). pkijs has no class for it.
 */
function signingCertificateV2(certificateDer: ArrayBuffer): asn1js.Sequence {
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) })] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

function sha256(data: ArrayBuffer): ArrayBuffer {
  const digest = createHash('sha256').update(new Uint8Array(data)).digest();
  return new Uint8Array(digest).buffer;
}

function rejection(failBit: number, text: string): Uint8Array {
  const bits = new Uint8Array([0x80 >> failBit]);
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: text })],
      failInfo: new asn1js.BitString({ valueHex: bits.buffer, unusedBits: 7 - failBit }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
