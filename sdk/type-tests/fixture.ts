/**
 * Compiled by sdk/type-tests.test.ts (`tsc -p sdk/type-tests`), never run. Each `@ts-expect-error` line
 * is a mistake the SDK's types must refuse; tsc fails if one of them compiles (the directive is then unused).
 */
import {
  type BodyOf,
  createClient,
  type DocumentFile,
  type ErrorCode,
  type Folder,
  LeCoffre,
  LeCoffreError,
  LeCoffreValidationError,
  type Page,
  type Paginated,
  type ProblemCode,
  RateLimitError,
  type ResultOf,
  resources,
  type SdkErrorCode,
  type WebhookEvent,
  type WebhookEventOf,
} from '../index.js';

// --- construction: one credential, and a base URL.
const lecoffre = new LeCoffre({ apiKey: 'lck_test_x', baseUrl: 'https://api.example.fr' });
new LeCoffre({ token: 'wgt_x', baseUrl: '/api', timeoutMs: 5_000, maxRetries: 0, fetch });
// @ts-expect-error an API key and a token at once
new LeCoffre({ apiKey: 'lck_test_x', token: 'wgt_x', baseUrl: 'https://api.example.fr' });
// @ts-expect-error no credential
new LeCoffre({ baseUrl: 'https://api.example.fr' });
new LeCoffre({ cookieSession: true, baseUrl: '' });
// @ts-expect-error a cookie session and an API key at once
new LeCoffre({ cookieSession: true, apiKey: 'lck_test_x', baseUrl: '' });
// @ts-expect-error no base URL
new LeCoffre({ apiKey: 'lck_test_x' });

// --- a client with some resources only: the same options, typed by the classes given.
const partial = createClient({ token: 'wgt_x', baseUrl: '/api' }, { folders: resources.Folders, me: resources.Me });
export const partialFits: Pick<LeCoffre, 'folders' | 'me'> = partial;
// @ts-expect-error a resource not given is not there
partial.documents;
// @ts-expect-error the same options as new LeCoffre(): one credential
createClient({ baseUrl: '/api' }, { folders: resources.Folders });
// @ts-expect-error resources are classes of the SDK, not names
createClient({ token: 'wgt_x', baseUrl: '/api' }, { folders: 'folders' });

export async function folders(): Promise<void> {
  // --- inputs come from the contract.
  const folder: Folder = await lecoffre.folders.create({ number: '1', title: 'Vente', deedType: 'vente', note: 'n' });
  // @ts-expect-error the required deedType is missing
  await lecoffre.folders.create({ number: '1', title: 'Vente' });
  // @ts-expect-error title must be a string
  await lecoffre.folders.create({ number: '1', title: 42, deedType: 'vente' });
  // @ts-expect-error a field the contract does not have
  await lecoffre.folders.create({ number: '1', title: 'Vente', deedType: 'vente', colour: 'blue' });
  // @ts-expect-error status is open or archived
  lecoffre.folders.list({ status: 'closed' });
  // @ts-expect-error limit is a number
  lecoffre.folders.list({ limit: '20' });
  // @ts-expect-error update takes the folder's id first
  await lecoffre.folders.update({ title: 'x' });
  // @ts-expect-error ifMatch is a version number or an ETag string
  await lecoffre.folders.update(folder.id, { title: 'x' }, { ifMatch: true });
  // @ts-expect-error idempotency keys go with POSTs only
  await lecoffre.folders.retrieve(folder.id, { idempotencyKey: 'k' });

  // @ts-expect-error a client needs an e-mail
  await lecoffre.clients.create({ lastName: 'Michou', firstName: 'Jeanne', mobile: '0626597292' });
  // @ts-expect-error documents is a list
  await lecoffre.documentRequests.create(folder.id, { clientId: 'cli_x', documents: { label: 'RIB' } });
  // @ts-expect-error bank details need a holder
  await lecoffre.office.bankDetails.create({ label: 'Compte office', iban: 'FR76…' });

  // --- outputs too.
  const status: 'open' | 'archived' = folder.status;
  const archivedAt: string | null = folder.archivedAt;
  // @ts-expect-error version is a number
  const version: string = folder.version;
  // @ts-expect-error no such field on a folder
  folder.colour;
  const list: Paginated<Folder> = lecoffre.folders.list({ status: 'open', q: 'michou', limit: 50 });
  for await (const f of list) {
    // @ts-expect-error items are folders: number is a string
    const wrong: number = f.number;
    void wrong;
  }
  const page: Page<Folder> = await list.page();
  const next: string | null | undefined = page.nextCursor;
  const codes: string[] = (await lecoffre.catalogue.deedTypes.list().toArray()).map((d) => d.code);
  void [status, archivedAt, version, next, codes];

  // --- binary answers are Blobs, typed from the contract (200 application/zip, application/pdf…).
  const zip: Blob = await lecoffre.folders.proof(folder.id);
  const scan: Blob = await lecoffre.documents.download('fil_x');
  const shown: ResultOf<'GET /v1/documents/{id}/preview'> = new Blob();
  // @ts-expect-error the proof is bytes, not JSON
  zip.certificate;
  const anchored: Folder = await lecoffre.folders.anchor(folder.id);
  void [scan, shown, anchored];
}

export async function errors(): Promise<void> {
  try {
    await lecoffre.folders.retrieve('fld_x');
  } catch (error) {
    if (error instanceof LeCoffreValidationError) {
      const paths: string[] = error.errors.map((e) => e.path);
      const status: number = error.status;
      void [paths, status];
    }
    if (error instanceof RateLimitError) {
      const wait: number | undefined = error.retryAfter;
      void wait;
    }
    if (error instanceof LeCoffreError) {
      // @ts-expect-error a transport failure has no status: it may be undefined
      const status: number = error.status;
      const code: string = error.code;
      const requestId: string | undefined = error.requestId;
      void [status, code, requestId];
    }
  }
}

// --- error codes: the API's documented ones (and the SDK's own) are in the type, for completion and
// review; a code the API adds later is still a legal value.
export function errorCodes(error: LeCoffreError): void {
  const documented: Extract<LeCoffreError['code'], 'folder_number_taken'> = 'folder_number_taken';
  const notFound: Extract<ErrorCode, 'document_request_not_found'> = 'document_request_not_found';
  const sdkOwn: Extract<ErrorCode, 'timeout'> = 'timeout';
  const nonProblemAnswer: SdkErrorCode = 'http_502';
  // @ts-expect-error misspelt: not one of the documented codes
  const misspelt: Extract<LeCoffreError['code'], 'folder_numbr_taken'> = 'folder_numbr_taken';
  // @ts-expect-error the closed list refuses a code it does not have
  const unknown: ProblemCode = 'folder_deleted';
  const later: ErrorCode = 'a_code_added_next_year';
  if (error.code === 'checksum_mismatch' || error.code === later) void [documented, notFound, sdkOwn, nonProblemAnswer, misspelt, unknown];
}

// --- a route the contract lacks takes nothing a caller can write, and yields nothing usable.
// @ts-expect-error not in openapi.json
const body: BodyOf<'POST /v1/no-such-route'> = { name: 'x' };
declare const result: ResultOf<'GET /v1/no-such-route'>;
// @ts-expect-error not in openapi.json
result.id;

// --- webhook events (verified in Node: node-fixture.ts): an event whose type says what its data is.
declare const event: WebhookEvent;
const type: string = event.type;
// @ts-expect-error no such event type in the catalogue
if (event.type === 'folder.deleted') void event;
// @ts-expect-error data differs from one event type to the next: narrow on type first
event.data.title;
switch (event.type) {
  case 'folder.created': {
    const folder: Folder = event.data;
    // @ts-expect-error a folder has no sha256
    folder.sha256;
    break;
  }
  case 'document.uploaded': {
    const file: DocumentFile = event.data;
    // @ts-expect-error a file record has no title
    event.data.title;
    void file;
    break;
  }
  case 'client.added': {
    const folderId: string = event.data.folderId;
    const email: string = event.data.client.email;
    // @ts-expect-error client.added carries the folder id, not the folder
    event.data.title;
    void [folderId, email];
    break;
  }
  case 'folder.completed': {
    // @ts-expect-error folder.completed carries the id and completion only
    event.data.number;
    break;
  }
  default:
    // Event types added after this SDK version land here at run time.
    break;
}
const validated: WebhookEventOf<'document.validated'>['data'] = {} as DocumentFile;
// @ts-expect-error not an event type
export type NotAnEvent = WebhookEventOf<'folder.deleted'>;
void [body, type, validated];
