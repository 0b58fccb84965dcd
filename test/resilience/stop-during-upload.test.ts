import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FsBlobStore } from '../../api/adapters/storage/fs-blob-store.js';
import { generatedPdf, sha256Hex } from '../../api/services/documents/sample-files.test-support.js';
import { exited, type ProductProcess, startProduct, stopLeftoverPostgres } from '../support/product-process.js';

// `npm start` as a user runs it, stopped by SIGTERM (a deploy, a scale-in) while clients are uploading.
const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-stop-uploads-'));
const blobRoot = path.join(dataDir, 'blobs');
let product: ProductProcess | undefined;

after(async () => {
  if (product && product.child.exitCode === null) product.child.kill('SIGKILL');
  await stopLeftoverPostgres(dataDir);
  await rm(dataDir, { recursive: true, force: true });
});

const BOUNDARY = 'lecoffre-stop-test-boundary';

interface SentFile {
  name: string;
  bytes: Buffer;
}

function multipartBody(files: SentFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="sha256"\r\n\r\n${sha256Hex(file.bytes)}\r\n`),
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

interface Answer {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: Record<string, unknown>;
  error?: Error;
}

/** An upload that sends `first` bytes of its body, then the rest only when `resume()` is called. */
function pausedUpload(port: number, apiKey: string, requestId: string, files: SentFile[], first: number) {
  const body = multipartBody(files);
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/v1/document-requests/${requestId}/files`,
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': body.length,
    },
  });
  const answer = new Promise<Answer>((resolve) => {
    req.on('error', (error) => resolve({ error }));
    req.on('response', async (res) => {
      const text = (await buffer(res)).toString('utf8');
      resolve({ status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined });
    });
  });
  req.write(body.subarray(0, first));
  return { answer, resume: () => req.end(body.subarray(first)) };
}

const blobStore = new FsBlobStore(blobRoot);

/** Every blob under `prefix`, temporary ones still being written included. */
async function blobs(prefix: 'tmp/' | 'files/'): Promise<Array<{ key: string; size: number }>> {
  const found: Array<{ key: string; size: number }> = [];
  for await (const blob of blobStore.list(prefix)) found.push(blob);
  return found;
}

describe('SIGTERM during uploads', () => {
  it('lets an upload that finishes in the drain succeed, refuses one that cannot with a 503 and leaves no temporary blob', {
    timeout: 90_000,
  }, async () => {
    // Info logs: the test waits for "shutting down" to know the signal was handled.
    product = await startProduct(dataDir, { LECOFFRE_LOG_LEVEL: 'info' }, 60_000);
    const { port } = product;
    const apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
    const api = async (method: string, url: string, body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}${url}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const folder = await api('POST', '/v1/folders', { number: 'ST-1', title: 'Succession Mme Michou', deedType: 'succession' });
    assert.equal(folder.status, 201, JSON.stringify(folder.body));
    const folderId = folder.body.id as string;
    const withClient = await api('POST', `/v1/folders/${folderId}/clients`, {
      client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'claire@example.fr' },
    });
    assert.equal(withClient.status, 200, JSON.stringify(withClient.body));
    const clientId = (withClient.body.client as { id: string }).id;
    const requested = await api('POST', `/v1/folders/${folderId}/document-requests`, {
      clientId,
      documents: [{ label: 'Pièce d’identité' }, { label: 'Avis d’imposition' }],
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const [quickRequest, stalledRequest] = (requested.body.data as Array<{ id: string }>).map((r) => r.id);

    const file = async (name: string, size: number, seed: number) => ({ name, bytes: await buffer(generatedPdf(size, seed).stream) });
    const quickFile = await file('carte-identite.pdf', 200_000, 1);
    // The stalled request carries two files: the first stored whole, the second frozen mid-stream.
    const stalledFiles = [await file('avis-2024.pdf', 150_000, 2), await file('avis-2025.pdf', 2_000_000, 3)];
    const stalledBody = multipartBody(stalledFiles);

    const quick = pausedUpload(port, apiKey, quickRequest, [quickFile], 100_000);
    const stalled = pausedUpload(port, apiKey, stalledRequest, stalledFiles, stalledBody.length - 1_000_000);
    // Both are streaming into temporary blobs, and the stalled request's first file is in place.
    const streaming = async () => (await blobs('tmp/')).filter((b) => b.key.endsWith('.partial') && b.size > 0).length;
    while ((await streaming()) < 2 || (await blobs('files/')).length < 1) await sleep(20);

    product.child.kill('SIGTERM');
    while (!product.output().includes('shutting down')) await sleep(20);
    quick.resume();

    const quickAnswer = await quick.answer;
    assert.equal(quickAnswer.status, 201, `the upload that could finish in the drain: ${JSON.stringify(quickAnswer)}`);

    const refused = await stalled.answer;
    assert.equal(refused.status, 503, `the upload that could not finish: ${JSON.stringify(refused)}`);
    assert.equal(refused.headers?.['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(refused.headers?.['retry-after'], '5');
    assert.equal(refused.body?.code, 'server_shutting_down');
    assert.equal(refused.body?.status, 503);

    assert.equal(await exited(product.child), 0, `clean exit after the drain:\n${product.output()}`);
    assert.deepEqual(await blobs('tmp/'), [], 'no temporary blob left for the hourly sweep');
    assert.equal((await blobs('files/')).length, 1, 'only the file of the upload that succeeded is stored');
  });
});
