/**
 * Keeps webhook endpoint secrets unreadable at rest. Signing is an HMAC, so the secret itself is needed at
 * each delivery and a one-way hash (as for API keys) cannot work: the secret is encrypted with the master
 * key instead. The implementation lives in adapters/webhooks (master key ring, AES-256-GCM).
 */
export interface SecretSealer {
  seal(key: Buffer): { sealed: string; keyId: string };
  /** Throws when the master key `keyId` is unknown or the sealed text was altered. */
  open(sealed: string, keyId: string): Buffer;
}
