/** Where the verify page serves docs/proof-format.md: the format, its rules and its test vectors. */
export const PROOF_FORMAT_PUBLIC_PATH = '/verify/proof-format.md';
