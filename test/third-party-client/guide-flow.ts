/**
 * The quick start's flow as a vendor writes it without our SDK: openapi-fetch on types that
 * openapi-typescript generated from the published spec (generate-types.ts). The notary's side speaks with
 * the office's API key; the client signs in with e-mail + SMS code and uploads with the session cookie.
 * Type-checked on its own (tsconfig.json here) by third-party-client.test.ts, which then runs it.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';

import type { GuideFlowOptions, GuideFlowResult } from './guide-flow-contract.js';

/** Stops the flow with the API's problem when a call did not succeed; answers the typed data. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, step: string): T {
  if (result.data === undefined) throw new Error(`${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function runGuideFlow(options: GuideFlowOptions): Promise<GuideFlowResult> {
  const notary = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { Authorization: `Bearer ${options.apiKey}`, 'LeCoffre-Version': '2026-12-09' },
  });

  // 1. The folder, 2. its client, 3. the documents the notary asks for.
  const folder = ok(
    await notary.POST('/v1/folders', { body: { number: '2025-001', title: 'Succession Mme Michou', deedType: 'succession' } }),
    'create the folder',
  );
  const withClient = ok(
    await notary.POST('/v1/folders/{id}/clients', { params: { path: { id: folder.id } }, body: { client: options.client } }),
    'add the client',
  );
  // Since version 2026-12-09 the answer is the client with its folder; older pins get the folder alone.
  if (!('client' in withClient)) throw new Error('add the client: expected the 2026-12-09 answer, { client, folder }');
  const clientId = withClient.client.id;
  const requests = ok(
    await notary.POST('/v1/folders/{id}/document-requests', {
      params: { path: { id: folder.id } },
      body: { clientId, documents: [{ label: options.document.label }] },
    }),
    'request documents',
  );
  const requestId = requests.data[0].id;

  // 4. The client signs in: e-mail, then the code received by SMS; the session is an httpOnly cookie.
  const anonymous = createClient<paths>({ baseUrl: options.baseUrl });
  const attempt = ok(await anonymous.POST('/v1/client-auth/start', { body: { email: options.client.email } }), 'start sign-in');
  const code = await options.smsCode(options.client.mobile);
  const verified = await anonymous.POST('/v1/client-auth/verify', { body: { attempt: attempt.attempt, code } });
  ok(verified, 'verify the code');
  const cookie = verified.response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const client = createClient<paths>({ baseUrl: options.baseUrl, headers: { cookie } });

  // 5. The client uploads the file: multipart, `file` typed as a Blob by the generated types.
  const file = new Blob([options.document.bytes], { type: options.document.type });
  const uploaded = ok(
    await client.POST('/v1/document-requests/{id}/documents', {
      params: { path: { id: requestId } },
      body: { file: [file] },
      bodySerializer(body) {
        const form = new FormData();
        for (const part of body.file) form.append('file', part, options.document.name);
        return form;
      },
    }),
    'upload',
  );
  const fileId = uploaded.data[0].id;

  // 6. The notary validates it; 7. anchors the folder, now complete.
  ok(await notary.POST('/v1/documents/{id}/validate', { params: { path: { id: fileId } } }), 'validate');
  ok(await notary.POST('/v1/folders/{id}/anchor', { params: { path: { id: folder.id } } }), 'anchor');
  await options.anchorNow();
  const anchored = ok(await notary.GET('/v1/folders/{id}', { params: { path: { id: folder.id } } }), 'read the folder');
  if (anchored.anchor?.status !== 'anchored') throw new Error(`the folder is ${anchored.anchor?.status}, not anchored`);

  // 8. The bytes: the validated file as an ArrayBuffer, the proof bundle as a Blob.
  const downloaded = ok(
    await notary.GET('/v1/documents/{id}/download', { params: { path: { id: fileId } }, parseAs: 'arrayBuffer' }),
    'download the file',
  );
  const proof = ok(
    await notary.GET('/v1/folders/{id}/proof', { params: { path: { id: folder.id } }, parseAs: 'blob' }),
    'download the proof',
  );
  return { folderId: folder.id, fileId, file: downloaded, proof };
}

// What the generated types must say, checked by the compiler (this file fails to type-check otherwise).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type TypeChecks = [
  // A folder's anchor status is the closed list of the spec, not any string.
  Assert<Equal<NonNullable<components['schemas']['Folder']['anchor']>['status'], 'anchoring' | 'anchored' | 'anchoring_failed'>>,
  Assert<Equal<GuideFlowResult['file'], ArrayBuffer>>,
  // An upload's parts are files.
  Assert<
    Equal<
      NonNullable<paths['/v1/document-requests/{id}/documents']['post']['requestBody']>['content']['multipart/form-data']['file'],
      Blob[]
    >
  >,
];

export async function wrongCallsDoNotCompile(notary: ReturnType<typeof createClient<paths>>): Promise<void> {
  // @ts-expect-error: a folder needs its deed type.
  await notary.POST('/v1/folders', { body: { number: '1', title: 'x' } });
  // @ts-expect-error: no such route.
  await notary.GET('/v1/dossiers');
  const text = await notary.GET('/v1/documents/{id}/download', { params: { path: { id: 'fil_x' } }, parseAs: 'text' });
  // @ts-expect-error: parsed as text, the file is a string, not bytes.
  const bytes: ArrayBuffer | undefined = text.data;
  void bytes;
}
