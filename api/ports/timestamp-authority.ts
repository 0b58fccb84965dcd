/**
 * TimestampAuthority: an RFC 3161 time-stamping authority (TSA) that vouches, with its own signature and
 * clock, that a batch root existed at a given time. It stands beside the Tezos anchor: a qualified TSA's
 * token is an eIDAS qualified electronic time stamp, which a French court weighs without expert evidence;
 * the anchor needs none of a third party's keys. Either one alone still dates the batch.
 */
export interface TimestampAuthority {
  /** Shown in logs and the start banner: the TSA's URL, or that it is the local development TSA. */
  readonly description: string;

  /**
   * Asks for a token on `root` (the 32-byte batch root): the request's message imprint is SHA-256(root),
   * with a fresh nonce and certReq. Resolves once the answer is checked (granted status, same nonce, same
   * imprint); throws TimestampUnavailableError when the TSA cannot be reached or answers anything else.
   */
  timestamp(root: Uint8Array): Promise<TimestampToken>;

  /** Releases what the adapter holds (the local development TSA's server). */
  close?(): Promise<void>;
}

export interface TimestampToken {
  /** The TimeStampResp as the TSA sent it (DER): what `timestamp.tsr` holds and `openssl ts -verify -in` reads. */
  response: Uint8Array;
  /** The time the TSA vouches for. */
  genTime: Date;
  /** The TSA's name, as the token states it. */
  tsa: string;
  policy: string;
  /** The token's serial number, hex. */
  serialNumber: string;
}

export class TimestampUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TimestampUnavailableError';
  }
}
