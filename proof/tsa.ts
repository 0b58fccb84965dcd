/**
 * `@lecoffre/proof/tsa`: the ASN.1 side of RFC 3161 for those who issue or request tokens (the API's TSA
 * client and development TSA), apart from the verifier's entry. Its types are pkijs's, which need the DOM
 * library (WebCrypto's CryptoKey, BufferSource): a verifier's callers should not have to declare it.
 */
export { isTsaCertificate } from './timestamp.js';
export { type CertificateSource, readCertificates } from './timestamp-certs.js';
export { type ParsedTimestamp, parseTimestamp, TimestampParseError } from './timestamp-token.js';
