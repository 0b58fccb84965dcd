import type { Response } from 'superagent';
import type { TestApp } from './test-app.js';

/** A new folder of the office with one client (Claire Michou), through HTTP as a vendor would. */
export async function openFolderWithClient(
  t: Pick<TestApp, 'request' | 'office'>,
  number: string,
): Promise<{ folderId: string; clientId: string }> {
  const auth = t.office.auth;
  const folderId = (
    await t.request
      .post('/v1/folders')
      .set('Authorization', auth)
      .send({ number, title: `Succession ${number}`, deedType: 'succession' })
      .expect(201)
  ).body.id;
  const withClient = await t.request
    .post(`/v1/folders/${folderId}/clients`)
    .set('Authorization', auth)
    .send({
      client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: `claire.${number.toLowerCase()}@example.fr` },
    })
    .expect(200);
  return { folderId, clientId: withClient.body.client.id };
}

/**
 * Drives a folder to 100% through HTTP, as the guide does: a client, requests, real uploads of `files`
 * (one request each), every file validated. Returns the folder id and what was sent.
 */
export async function completeFolderWithUploads(
  t: Pick<TestApp, 'request' | 'office'>,
  number: string,
  files: Array<{ label: string; name: string; bytes: Buffer }>,
): Promise<{ folderId: string; clientId: string; fileIds: string[] }> {
  const auth = t.office.auth;
  const { folderId, clientId } = await openFolderWithClient(t, number);
  const requests = (
    await t.request
      .post(`/v1/folders/${folderId}/document-requests`)
      .set('Authorization', auth)
      .send({ clientId, documents: files.map((f) => ({ label: f.label })) })
      .expect(201)
  ).body.data as Array<{ id: string }>;
  const fileIds: string[] = [];
  for (const [i, file] of files.entries()) {
    const uploaded = await t.request
      .post(`/v1/document-requests/${requests[i].id}/files`)
      .set('Authorization', auth)
      .attach('file', file.bytes, { filename: file.name })
      .expect(201);
    const id = uploaded.body.data[0].id;
    await t.request.post(`/v1/files/${id}/validate`).set('Authorization', auth).expect(200);
    fileIds.push(id);
  }
  return { folderId, clientId, fileIds };
}

/** A supertest parser that keeps a binary response body as a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
