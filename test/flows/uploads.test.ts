import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { samplePdf, sha256Hex, TINY_JPEG, TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { openFolderWithClient } from '../support/folder-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let folderId: string;
let clientId: string;
let requestId: string;
let pdf: Buffer;

const auth = () => t.office.auth;
before(async () => {
  t = await createTestApp({ LECOFFRE_MAX_UPLOAD_BYTES: String(256 * 1024) });
  pdf = await samplePdf();
  ({ folderId, clientId } = await openFolderWithClient(t, 'U-1'));
  requestId = (
    await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', auth())
      .send({ clientId, documents: [{ label: "Avis d'impôt" }] })
      .expect(201)
  ).body.data[0].id;
});
after(() => t.close());

async function blobCount(): Promise<number> {
  const dir = (t.storage.blobStore as unknown as { root: string }).root;
  const walk = async (d: string): Promise<number> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    let n = 0;
    for (const e of entries) n += e.isDirectory() ? await walk(path.join(d, e.name)) : 1;
    return n;
  };
  return walk(dir);
}

async function fileRows(): Promise<number> {
  return t.db.models.DocumentFile.count();
}

function upload(bytes: Buffer, name: string, sha256?: string) {
  const req = t.request.post(`/v1/document-requests/${requestId}/files`).set('Authorization', auth());
  if (sha256 !== undefined) req.field('sha256', sha256);
  return req.attach('file', bytes, { filename: name });
}

describe('uploading files for a request', () => {
  it('stores several files at once, hash checked, and the request becomes submitted', async () => {
    const res = await t.request
      .post(`/v1/document-requests/${requestId}/files`)
      .set('Authorization', auth())
      .field('sha256', sha256Hex(pdf))
      .attach('file', pdf, { filename: "Relevé d'impôt.pdf" })
      .attach('file', TINY_PNG, { filename: 'verso.png' })
      .expect(201);
    assert.equal(res.body.data.length, 2);
    const [first, second] = res.body.data;
    assert.equal(first.name, "Relevé d'impôt.pdf");
    assert.equal(first.contentType, 'application/pdf');
    assert.equal(first.sha256, sha256Hex(pdf));
    assert.equal(first.sha256Source, 'client');
    assert.equal(second.contentType, 'image/png');
    assert.equal(second.sha256Source, 'server', 'no hash announced for the second file: the record says so');
    const folder = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', auth()).expect(200);
    assert.equal(folder.body.actionRequired, true);

    // Preview works before review; the bytes are the client's, decrypted; download waits for validation.
    const preview = await t.request
      .get(`/v1/files/${first.id}/preview`)
      .set('Authorization', auth())
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.body, pdf);
    assert.equal(preview.headers['cache-control'], 'no-store');
    assert.match(
      preview.headers['content-disposition'],
      /^inline; filename="Releve d'impot.pdf"; filename\*=UTF-8''Relev%C3%A9%20d%27imp%C3%B4t\.pdf$/,
    );
    const early = await t.request.get(`/v1/files/${first.id}/download`).set('Authorization', auth()).expect(403);
    assert.equal(early.body.code, 'file_not_validated');
    await t.request.post(`/v1/files/${first.id}/validate`).set('Authorization', auth()).expect(200);
    const download = await t.request.get(`/v1/files/${first.id}/download`).set('Authorization', auth()).expect(200);
    assert.match(download.headers['content-disposition'], /^attachment;/);
    assert.equal(download.headers['x-content-sha256'], sha256Hex(pdf));
    // Another office cannot even see it.
    await t.request.get(`/v1/files/${first.id}/preview`).set('Authorization', t.otherOffice.auth).expect(404);
  });

  const rejections: Array<[string, () => ReturnType<typeof upload>, number, string]> = [
    ['a wrong hash', () => upload(TINY_JPEG, 'cni.jpg', 'a'.repeat(64)), 422, 'checksum_mismatch'],
    [
      'an .exe renamed .pdf',
      () => upload(Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(400, 1)]), 'contrat.pdf'),
      415,
      'unsupported_file_type',
    ],
    [
      'an HTML file named .png',
      () => upload(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png'),
      415,
      'unsupported_file_type',
    ],
    [
      'a PDF/HTML polyglot',
      () => upload(Buffer.concat([Buffer.from('%PDF-1.4\n<html><script>alert(1)</script>'), Buffer.alloc(200, 32)]), 'x.pdf'),
      415,
      'unsupported_file_type',
    ],
    ['an empty file', () => upload(Buffer.alloc(0), 'vide.pdf'), 422, 'empty_file'],
    ['a file over the limit', () => upload(Buffer.concat([pdf, Buffer.alloc(300 * 1024, 7)]), 'gros.pdf'), 413, 'file_too_large'],
    ['a malformed hash', () => upload(pdf, 'x.pdf', 'xyz'), 422, 'validation_failed'],
  ];
  for (const [name, send, status, code] of rejections) {
    it(`refuses ${name} with ${status} ${code}, keeping no blob and no row`, async () => {
      const [blobs, rows] = [await blobCount(), await fileRows()];
      const res = await send();
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.code, code);
      assert.equal(await blobCount(), blobs);
      assert.equal(await fileRows(), rows);
    });
  }

  it('refuses the whole request when one of its files is bad: the good one is not kept either', async () => {
    const [blobs, rows] = [await blobCount(), await fileRows()];
    const res = await t.request
      .post(`/v1/document-requests/${requestId}/files`)
      .set('Authorization', auth())
      .attach('file', TINY_JPEG, { filename: 'ok.jpg' })
      .attach('file', Buffer.from('<svg onload=alert(1)>'), { filename: 'bad.png' });
    assert.equal(res.status, 415);
    assert.equal(await blobCount(), blobs);
    assert.equal(await fileRows(), rows);
  });

  it('keeps a hostile file name only as sanitised display text', async () => {
    const res = await upload(TINY_JPEG, '../../etc/passwd\u202e.jpg').expect(201);
    const name: string = res.body.data[0].name;
    assert.ok(!name.includes('/') && !name.includes('..') && !/[\u0000-\u001f\u202e]/.test(name), name);
    assert.ok(name.endsWith('.jpg'));
  });

  it('accepts extra files ("documents supplémentaires") for a client of the folder', async () => {
    const missing = await t.request
      .post(`/v1/folders/${folderId}/extra-files`)
      .set('Authorization', auth())
      .attach('file', TINY_JPEG, { filename: 'a.jpg' })
      .expect(422);
    assert.equal(missing.body.code, 'client_not_in_folder');
    const res = await t.request
      .post(`/v1/folders/${folderId}/extra-files`)
      .set('Authorization', auth())
      .field('clientId', clientId)
      .attach('file', TINY_JPEG, { filename: 'plan.jpg' })
      .expect(201);
    assert.equal(res.body.data[0].requestId, null);
  });

  it('answers 500 integrity_error, never wrong bytes, when a stored blob was tampered with', async () => {
    const res = await upload(TINY_PNG, 'tamper.png').expect(201);
    const row = await t.db.models.DocumentFile.findByPk(res.body.data[0].id);
    const file = path.join((t.storage.blobStore as unknown as { root: string }).root, ...(row?.storageKey ?? '').split('/'));
    const bytes = await readFile(file);
    bytes[bytes.length - 20] ^= 1;
    await writeFile(file, bytes);
    const read = await t.request.get(`/v1/files/${res.body.data[0].id}/preview`).set('Authorization', auth());
    assert.equal(read.status, 500);
    assert.equal(read.body.code, 'integrity_error');
  });

  it('refuses a non-multipart body and an upload to an unknown request', async () => {
    const res = await t.request
      .post(`/v1/document-requests/${requestId}/files`)
      .set('Authorization', auth())
      .send({ file: 'x' })
      .expect(415);
    assert.equal(res.body.code, 'unsupported_media_type');
    await t.request
      .post('/v1/document-requests/req_01aaaaaaaaaaaaaaaaaaaaaaaa/files')
      .set('Authorization', auth())
      .attach('file', TINY_JPEG, { filename: 'a.jpg' })
      .expect(404);
  });
});
