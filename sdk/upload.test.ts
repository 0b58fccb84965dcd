import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { generatedPdf, samplePdf, TINY_PNG } from '../api/services/documents/sample-files.test-support.js';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import { LeCoffre, LeCoffreValidationError, type UploadProgress } from './index.js';

let t: TestApp;
let server: ReturnType<TestApp['app']['listen']>;
let lecoffre: LeCoffre;
let requestId: string;
let folderId: string;
let clientId: string;
let dir: string;

before(async () => {
  t = await createTestApp();
  server = t.app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  lecoffre = new LeCoffre({ apiKey: t.office.apiKey, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  folderId = (await lecoffre.folders.create({ number: 'SDK-U', title: 'Vente', deedType: 'vente' })).id;
  const { client } = await lecoffre.folders.addClient(folderId, {
    client: { lastName: 'Michou', firstName: 'Claire', mobile: '0626597292', email: 'c@example.fr' },
  });
  clientId = client.id;
  requestId = (await lecoffre.documentRequests.create(folderId, { clientId, documents: [{ label: 'Avis' }] })).data[0].id;
  dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-sdk-upload-'));
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('files.upload', () => {
  it('hashes, sends and stores files from disk (Node: a file-backed Blob), reporting progress per file', async () => {
    const pdf = await samplePdf('sdk');
    const file = path.join(dir, "Avis d'impôt.pdf");
    await writeFile(file, pdf);
    const progress: UploadProgress[] = [];
    const fromDisk = new File([await openAsBlob(file)], "Avis d'impôt.pdf", { type: 'application/pdf' });
    const stored = await lecoffre.files.upload(requestId, [fromDisk, new Blob([TINY_PNG])], { onProgress: (p) => progress.push(p) });
    assert.equal(stored.length, 2);
    assert.equal(stored[0].name, "Avis d'impôt.pdf");
    assert.equal(stored[0].sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.equal(stored[0].sha256Source, 'client', 'the server checked the hash the SDK computed');
    assert.equal(stored[1].name, 'document-2');
    assert.deepEqual(
      progress.filter((p) => p.phase !== 'sending').map((p) => `${p.phase} ${p.files}/${p.totalFiles}`),
      ['hashing 1/2', 'hashing 2/2', 'sent 2/2'],
    );
    assert.equal(progress.at(-1)?.bytes, pdf.length + TINY_PNG.length);
    const extra = await lecoffre.files.uploadExtra(folderId, new Blob([TINY_PNG]), { clientId });
    assert.equal(extra[0].requestId, null);
  });

  it('reports the bytes sent as they leave, file by file, up to every byte of every file', async () => {
    // A few MB from disk, read in chunks as fetch streams them: several progress events, not one at the end.
    const large = path.join(dir, 'acte.pdf');
    const generated = generatedPdf(3 * 1024 * 1024 + 17, 7);
    await pipeline(generated.stream, createWriteStream(large));
    const files = [
      new File([await openAsBlob(large)], 'acte.pdf', { type: 'application/pdf' }),
      new Blob([TINY_PNG], { type: 'image/png' }),
    ];
    const totalBytes = files[0].size + files[1].size;
    const sending: UploadProgress[] = [];
    const stored = await lecoffre.files.upload(requestId, files, {
      onProgress: (p) => {
        if (p.phase === 'sending') sending.push(p);
      },
    });
    assert.equal(stored[0].sha256, generated.sha256());
    assert.ok(sending.length > 3, `progress while sending, not only at the end (${sending.length} events)`);
    for (const [index, p] of sending.entries()) {
      assert.equal(p.totalBytes, totalBytes);
      assert.equal(p.bytes, p.fileBytes[0] + p.fileBytes[1]);
      if (index > 0) assert.ok(p.bytes > sending[index - 1].bytes, 'bytes only grow within one attempt');
      // The files go in order: the second starts once the first is entirely sent.
      if (p.fileBytes[1] > 0) assert.equal(p.fileBytes[0], files[0].size);
    }
    assert.deepEqual(sending.at(-1)?.fileBytes, [files[0].size, TINY_PNG.length]);
    assert.equal(sending.at(-1)?.files, 2);
  });

  it('raises a typed error for a file the server refuses, and stores nothing', async () => {
    const before = await t.db.models.DocumentFile.count();
    await assert.rejects(lecoffre.files.upload(requestId, new Blob([Buffer.alloc(0)])), (error: unknown) => {
      assert.ok(error instanceof LeCoffreValidationError);
      assert.equal(error.code, 'empty_file');
      return true;
    });
    assert.equal(await t.db.models.DocumentFile.count(), before);
  });
});
