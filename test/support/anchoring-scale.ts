import { type VerificationReport, type VerifyOptions, verifyProofBundle } from '@lecoffre/proof';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { binary, completeFolderWithUploads } from './folder-flow.js';
import type { TestApp } from './test-app.js';

/**
 * `count` real folders, each driven through the HTTP API as a vendor would (client, request, upload of a
 * distinct PDF, validation) and then "Valider et ancrer": what a batch of that size is made of in use.
 * `concurrency` folders are built at a time.
 */
export async function realFoldersWaitingForAnchor(t: TestApp, count: number, prefix: string, concurrency = 4): Promise<string[]> {
  const ids: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const number = `${prefix}-${i + 1}`;
      const { folderId } = await completeFolderWithUploads(t, number, [
        { label: 'Acte', name: 'acte.pdf', bytes: await samplePdf(`Acte ${number}`) },
      ]);
      await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);
      ids[i] = folderId;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

/** Downloads each folder's proof bundle through the API and verifies it, one after the other. */
export async function verifyEveryBundle(
  t: TestApp,
  folderIds: readonly string[],
  options: VerifyOptions = {},
): Promise<VerificationReport[]> {
  const reports: VerificationReport[] = [];
  for (const folderId of folderIds) {
    const zip = (
      await t.request.get(`/v1/folders/${folderId}/proof`).set('Authorization', t.office.auth).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    reports.push(await verifyProofBundle(new Uint8Array(zip), options));
  }
  return reports;
}
