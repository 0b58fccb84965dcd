/** Proof bundles: the certificate.json format and the verifier shared by the SDK, the CLI and the /verify page. */
export { folderAuditGenesis, folderEventHash } from './audit-journal.js';
export * from './certificate.js';
export { type CertificateValidation, validateCertificate } from './certificate-shape.js';
export { describeReport } from './describe-report.js';
export { canonicalMetadata, METADATA_FORMAT, type MetadataRecord, metadataHash, metadataRecordOf } from './metadata.js';
export type * from './report.js';
export { TEZOS_FINALITY_BLOCKS } from './verify-anchor.js';
export { type VerifyOptions, verifyProofBundle } from './verify-proof-bundle.js';
