/**
 * What the test hands the vendor's flow and gets back. Apart from guide-flow.ts, which imports types that
 * exist only once the test generated them, so the repository's own program can type-check the test.
 */
export interface GuideFlowOptions {
  baseUrl: string;
  apiKey: string;
  client: { firstName: string; lastName: string; mobile: string; email: string };
  document: { label: string; name: string; type: string; bytes: Uint8Array<ArrayBuffer> };
  /** The SMS code the client received (the test reads the dev outbox). */
  smsCode(mobile: string): Promise<string>;
  /** Runs an anchoring batch (in production the API's job does it within a minute). */
  anchorNow(): Promise<void>;
}

export interface GuideFlowResult {
  folderId: string;
  fileId: string;
  /** The validated file, downloaded by the notary. */
  file: ArrayBuffer;
  /** The folder's proof bundle. */
  proof: Blob;
}
