/** Proof bundles: the certificate.json format and the verifier shared by the SDK, the CLI and the /verify page. */
export { folderAuditGenesis, folderEventHash } from './audit-journal.js';
export * from './certificate.js';
export { type CertificateValidation, validateCertificate } from './certificate-shape.js';
export { describeReport } from './describe-report.js';
export { canonicalMetadata, METADATA_FORMAT, type MetadataRecord, metadataHash, metadataRecordOf } from './metadata.js';
export type * from './report.js';
export { checkTezosNetwork, TEZOS_CHAIN_IDS } from './tezos-networks.js';
export {
  type TimestampCheck,
  type TimestampStatus,
  type TimestampTrustOptions,
  type TimestampVerdict,
  verifyTimestamp,
} from './timestamp.js';
export { type TimestampFacts, type TimestampProof, timestampProofOf } from './timestamp-entry.js';
export { DEV_TSA_POLICY, OID as TIMESTAMP_OID, TIMESTAMP_FILE } from './timestamp-oids.js';
export { TEZOS_FINALITY_BLOCKS } from './verify-anchor.js';
export { type VerifyOptions, verifyProofBundle } from './verify-proof-bundle.js';
