/**
 * TEST DOUBLE. s3rver does not check AWS Signature Version 4 (it only looks the access key id up), so on
 * its own it would accept requests a real S3 refuses. This loopback proxy sits in front of it and does
 * what S3 does first: recompute each request's SigV4 signature from the secret key, following the AWS
 * specification independently of the SDK's signer, check the body against `x-amz-content-sha256`, and
 * answer 403 `SignatureDoesNotMatch` (S3's XML error) on any difference. Good requests go on to s3rver.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SigV4CheckingProxy {
  endpoint: string;
  /** Requests refused, by S3 error code. */
  refused: string[];
  /** Requests whose signature checked out. */
  accepted: number;
  close(): Promise<void>;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The query string as SigV4 canonicalises it: pairs sorted by name then value, kept URI-encoded. */
function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .map((pair) => (pair.includes('=') ? pair : `${pair}=`))
    .map((pair) => pair.split('=', 2) as [string, string])
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function expectedSignature(request: http.IncomingMessage, secretAccessKey: string, body: Buffer): { error?: string; ok?: boolean } {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!match) return { error: 'AccessDenied' };
  const [, , date, region, service, signedHeaders, signature] = match;
  const amzDate = request.headers['x-amz-date'];
  const payloadHash = request.headers['x-amz-content-sha256'];
  if (typeof amzDate !== 'string' || typeof payloadHash !== 'string' || !amzDate.startsWith(date)) return { error: 'AccessDenied' };
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return { error: 'XAmzContentSHA256Mismatch' };

  const [rawPath, rawQuery = ''] = (request.url ?? '/').split('?', 2);
  const headers = signedHeaders
    .split(';')
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [request.method, rawPath, canonicalQuery(rawQuery), headers, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? { ok: true } : { error: 'SignatureDoesNotMatch' };
}

export async function startSigV4CheckingProxy(upstream: string, secretAccessKey: string): Promise<SigV4CheckingProxy> {
  const target = new URL(upstream);
  const state = { refused: [] as string[], accepted: 0 };
  const server = http.createServer(async (request, response) => {
    // Bodies here are single parts (<= 5 MiB): buffering them keeps the double simple.
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const verdict = expectedSignature(request, secretAccessKey, body);
    if (verdict.error) {
      state.refused.push(verdict.error);
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${verdict.error}</Code><Message>Refused by the SigV4 checking double.</Message></Error>`,
      );
      return;
    }
    state.accepted++;
    const forward = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get refused() {
      return state.refused;
    },
    get accepted() {
      return state.accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
