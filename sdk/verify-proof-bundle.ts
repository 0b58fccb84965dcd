import type { VerificationReport, VerifyOptions } from './proof/index.js';

/**
 * Checks a proof bundle (the ZIP of `folders.proof`) without trusting LeCoffre: every document's hash,
 * its Merkle path, and the anchor. The verifier itself lives in sdk/proof/ (shared with the CLI and the
 * /verify page) and is loaded on first use: with its unzip code it weighs twice the rest of the SDK, and
 * most pages never verify a bundle.
 */
export async function verifyProofBundle(zip: Uint8Array, options?: VerifyOptions): Promise<VerificationReport> {
  const verifier = await import('./proof/verify-proof-bundle.js');
  return verifier.verifyProofBundle(zip, options);
}
