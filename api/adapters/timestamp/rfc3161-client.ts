import { createHash, randomBytes } from 'node:crypto';
import { TIMESTAMP_OID as OID } from '@lecoffre/proof';
import { parseTimestamp } from '@lecoffre/proof/tsa';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type TimestampAuthority, type TimestampToken, TimestampUnavailableError } from '../../ports/timestamp-authority.js';

export interface Rfc3161ClientOptions {
  /** The TSA's endpoint (`LECOFFRE_TSA_URL`). */
  url: string;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Overrides `description` (the local development TSA names itself). */
  description?: string;
}

/**
 * The RFC 3161 HTTP transport (RFC 3161 §3.4): POST a DER TimeStampReq as `application/timestamp-query`,
 * read a TimeStampResp (`application/timestamp-reply`). The request asks for SHA-256(root), a 64-bit nonce
 * and the TSA certificate; the answer is kept only if granted, for the same nonce and the same imprint.
 * The signature and chain are the verifier's job (proof/timestamp.ts), which runs on every bundle.
 */
export class Rfc3161Client implements TimestampAuthority {
  readonly description: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: Rfc3161ClientOptions) {
    this.description = options.description ?? options.url;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  async timestamp(root: Uint8Array): Promise<TimestampToken> {
    if (root.length !== 32) throw new TypeError(`A batch root is 32 bytes, got ${root.length}.`);
    const imprint = createHash('sha256').update(root).digest();
    const nonce = randomBytes(8);
    nonce[0] &= 0x7f; // a positive INTEGER, no leading zero byte to trip DER
    nonce[0] |= 0x01;
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(imprint).buffer }),
      }),
      nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonce).buffer }),
      certReq: true,
    });
    const body = new Uint8Array(request.toSchema().toBER(false));
    let answer: Uint8Array;
    try {
      const response = await this.fetchImpl(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new TimestampUnavailableError(`The TSA answered HTTP ${response.status}.`);
      answer = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof TimestampUnavailableError) throw error;
      throw new TimestampUnavailableError(`The TSA could not be reached: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    let parsed: ReturnType<typeof parseTimestamp>;
    try {
      parsed = parseTimestamp(answer);
    } catch (error) {
      throw new TimestampUnavailableError(`The TSA's answer is unusable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (parsed.nonce !== nonce.toString('hex')) throw new TimestampUnavailableError('The TSA answered with another nonce.');
    if (parsed.imprint.algorithm !== OID.sha256 || parsed.imprint.hex !== imprint.toString('hex')) {
      throw new TimestampUnavailableError('The TSA timestamped another imprint.');
    }
    return { response: answer, genTime: parsed.genTime, tsa: parsed.tsaName, policy: parsed.policy, serialNumber: parsed.serialNumber };
  }
}
