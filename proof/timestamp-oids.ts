/** Object identifiers of RFC 3161 time-stamping, shared by the verifier and the server's TSA client and dev TSA. */
export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signature to the TSA certificate; OpenSSL requires it. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  countryName: '2.5.4.6',
} as const;

/**
 * The policy under which LeCoffre's local development TSA issues its tokens (a UUID-derived OID, RFC 4122 §9 /
 * ITU-T X.667, which anyone may mint without registration). A token under this policy is never qualified,
 * whatever trust anchors the caller passes: it comes from a key generated on a developer's machine.
 */
export const DEV_TSA_POLICY = '2.25.12629616693607624491395573622839204853';

/** What the bundle calls the token file, at the ZIP's root. */
export const TIMESTAMP_FILE = 'timestamp.tsr';
