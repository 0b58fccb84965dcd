import { createPrivateKey, webcrypto } from 'node:crypto';
import { once } from 'node:events';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEV_TSA_POLICY } from '@lecoffre/proof';
import { readCertificates } from '@lecoffre/proof/tsa';
import type { TimestampAuthority } from '../../ports/timestamp-authority.js';
import { Rfc3161Client } from './rfc3161-client.js';
import { certificatePem, createTsaIdentity, type TsaIdentity, toPem } from './tsa-certificates.js';
import { respondToTimestampRequest } from './tsa-responder.js';

export const DEV_TSA_DIR = 'dev-tsa';
export const DEV_TSA_NAME = 'LeCoffre DEV TSA — non qualifié';
export const DEV_TSA_CA_NAME = 'LeCoffre DEV TSA CA — non qualifiée';
const MAX_REQUEST_BYTES = 16 * 1024;

/**
 * The LOCAL DEVELOPMENT TSA: a stand-in for a qualified time-stamping authority, which cannot be reached
 * offline. It is a real RFC 3161 server on loopback (POST application/timestamp-query, as a TSA's HTTP
 * endpoint), so the embedded mode runs the same client and the same tokens as production. Its CA and TSA
 * certificates are generated on first start and kept in `<dataDir>/dev-tsa/` (ca.pem, tsa.pem, tsa-key.pem,
 * mode 0600); its names say "non qualifié" and its tokens carry DEV_TSA_POLICY, which verifiers never
 * report as qualified. main.ts never starts it in production.
 */
export interface DevTsa {
  url: string;
  /** The CA certificate (PEM) a verifier must trust for these tokens: `openssl ts -verify -CAfile`. */
  caPem: string;
  tsaPem: string;
  /** Requests answered, for tests that must see the server was (or was not) asked. */
  readonly requests: number;
  /** Makes the next `count` requests fail with HTTP 503, as a TSA in maintenance would. */
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startDevTsa(options: { dataDir: string; port?: number; now?: () => Date }): Promise<DevTsa> {
  const files = await loadOrCreateIdentity(path.join(options.dataDir, DEV_TSA_DIR));
  let requests = 0;
  let failing = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      requests++;
      if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
        response.writeHead(415, { 'content-type': 'text/plain' }).end('POST application/timestamp-query');
        return;
      }
      if (failing > 0) {
        failing--;
        response.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
        return;
      }
      respondToTimestampRequest(Buffer.concat(chunks), { identity: files.identity, policy: DEV_TSA_POLICY, now: options.now }).then(
        (der) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(der),
        () => response.writeHead(500).end(),
      );
    });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  // A helper of the process that opened it, never what keeps that process alive (a script, a test).
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    caPem: files.caPem,
    tsaPem: files.tsaPem,
    get requests() {
      return requests;
    },
    failNext(count) {
      failing = count;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The embedded mode's TimestampAuthority: the local development TSA, spoken to over RFC 3161 HTTP. */
export async function devTimestampAuthority(dataDir: string): Promise<TimestampAuthority & { tsa: DevTsa }> {
  const tsa = await startDevTsa({ dataDir });
  const client = new Rfc3161Client({ url: tsa.url, description: `${DEV_TSA_NAME} (${tsa.url})` });
  return Object.assign(client, { tsa, close: () => tsa.close() });
}

async function loadOrCreateIdentity(dir: string): Promise<{ identity: TsaIdentity; caPem: string; tsaPem: string }> {
  const [caFile, tsaFile, keyFile] = ['ca.pem', 'tsa.pem', 'tsa-key.pem'].map((name) => path.join(dir, name));
  try {
    return await readIdentity(caFile, tsaFile, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const identity = await createTsaIdentity({ caName: DEV_TSA_CA_NAME, tsaName: DEV_TSA_NAME });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', identity.privateKey);
  // Written beside, then linked into place: two processes starting together keep the first identity.
  const staging = `${keyFile}.${process.pid}`;
  await writeFile(`${caFile}.${process.pid}`, certificatePem(identity.ca), { mode: 0o644 });
  await writeFile(`${tsaFile}.${process.pid}`, certificatePem(identity.certificate), { mode: 0o644 });
  await writeFile(staging, toPem(pkcs8, 'PRIVATE KEY'), { mode: 0o600 });
  try {
    await link(staging, keyFile);
    await writeFile(caFile, await readFile(`${caFile}.${process.pid}`), { mode: 0o644 });
    await writeFile(tsaFile, await readFile(`${tsaFile}.${process.pid}`), { mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await Promise.all([staging, `${caFile}.${process.pid}`, `${tsaFile}.${process.pid}`].map((f) => unlink(f).catch(() => {})));
  }
  return readIdentity(caFile, tsaFile, keyFile);
}

async function readIdentity(caFile: string, tsaFile: string, keyFile: string) {
  const [caPem, tsaPem, keyPem] = await Promise.all([readFile(caFile, 'utf8'), readFile(tsaFile, 'utf8'), readFile(keyFile, 'utf8')]);
  const pkcs8 = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const [ca] = readCertificates([caPem]);
  const [certificate] = readCertificates([tsaPem]);
  return { identity: { ca, certificate, privateKey }, caPem, tsaPem };
}
