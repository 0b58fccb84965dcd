import type { VerificationReport, VerifyOptions } from '@lecoffre/proof';

/**
 * Checks a proof bundle (the ZIP of `folders.proof`) without trusting LeCoffre: every document's hash,
 * its Merkle path, every displayed field, the audit journal, and the anchor. `report.verdict` is `valid`
 * only for a checked public anchor; a local-dev proof is a `warning`. The verifier itself lives in @lecoffre/proof (shared with the CLI and the
 * /verify page) and is loaded on first use: with its unzip code it weighs twice the rest of the SDK, and
 * most pages never verify a bundle.
 */
export async function verifyProofBundle(zip: Uint8Array, options?: VerifyOptions): Promise<VerificationReport> {
  const verifier = await import('@lecoffre/proof');
  return verifier.verifyProofBundle(zip, options);
}
