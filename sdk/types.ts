/**
 * The only door from hand-written SDK code to the types generated from openapi/openapi.json
 * (sdk/generated/openapi.ts, rewritten by `npm run generate`, never edited by hand).
 *
 * Two kinds of names live here:
 * - named types (`Folder`, `CreateFolderInput`…) for callers to import;
 * - route-keyed helpers (`BodyOf<'POST /v1/folders'>`, `ResultOf<…>`, `QueryOf<…>`) that resources use, so
 *   that a resource is a few lines naming the contract's routes, typed from the contract itself. A route the
 *   contract does not have (yet) types its body and result as `NotInContract`: no caller value fits the
 *   body and the result has nothing to read. The method comes alive once the endpoint is in openapi.json.
 */
import type { components, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
/** The API's problem codes today (`folder_number_taken`, `checksum_mismatch`…): openapi.json's `ProblemCode`. */
export type ProblemCode = Schemas['ProblemCode'];
export type FieldError = Schemas['FieldError'];

// Named by route rather than by schema: paths are the product's contract, while schema names are tsoa's
// spelling of TypeScript names (`Partial_ClientFields_`) and may change under a refactoring.
export type Folder = ResultOf<'GET /v1/folders/{id}'>;
export type CreateFolderInput = BodyOf<'POST /v1/folders'>;
export type UpdateFolderInput = BodyOf<'PATCH /v1/folders/{id}'>;
/** `GET /v1/folders` filters; `limit` is the page size, `cursor` where to start. */
export type ListFoldersQuery = QueryOf<'GET /v1/folders'>;
export type SetFolderAccessInput = BodyOf<'PUT /v1/folders/{id}/members'>;
export type AddFolderClientInput = BodyOf<'POST /v1/folders/{id}/clients'>;
export type AuditEvent = ItemOf<'GET /v1/folders/{id}/events'>;
/** A client as a folder lists it: who they are and how far along their documents are. */
export type FolderClient = Folder['clients'][number];
/**
 * What adding a client answers at the version the SDK pins (since `2026-12-09`): the client added and the
 * folder after the change. Callers pinned to `2026-12-02` get the bare `Folder` (the other member of the route's answer).
 */
export type FolderClientLink = Extract<ResultOf<'POST /v1/folders/{id}/clients'>, { client: unknown }>;

export type Client = ResultOf<'GET /v1/clients/{id}'>;
export type CreateClientInput = BodyOf<'POST /v1/clients'>;
export type UpdateClientInput = BodyOf<'PATCH /v1/clients/{id}'>;
export type ListClientsQuery = QueryOf<'GET /v1/clients'>;

export type DocumentRequest = ItemOf<'GET /v1/folders/{id}/document-requests'>;
export type CreateDocumentRequestsInput = BodyOf<'POST /v1/folders/{id}/document-requests'>;
export type DocumentFile = ResultOf<'GET /v1/documents/{id}'>;
export type RefuseFileInput = BodyOf<'POST /v1/documents/{id}/refuse'>;

export type Office = ResultOf<'GET /v1/office'>;
export type BankDetails = ResultOf<'GET /v1/office/bank-details/{id}'>;
export type CreateBankDetailsInput = BodyOf<'POST /v1/office/bank-details'>;
export type UpdateBankDetailsInput = BodyOf<'PATCH /v1/office/bank-details/{id}'>;
export type UpdateOfficeInput = BodyOf<'PATCH /v1/office'>;
export type SharedDocument = ItemOf<'GET /v1/folders/{id}/shared-documents'>;
export type ShareDocumentInput = BodyOf<'POST /v1/folders/{id}/shared-documents'>;

export type Me = ResultOf<'GET /v1/me'>;
export type Member = ItemOf<'GET /v1/members'>;
export type ListMembersQuery = QueryOf<'GET /v1/members'>;
export type ApiKey = ItemOf<'GET /v1/api-keys'>;
export type CreateApiKeyInput = BodyOf<'POST /v1/api-keys'>;
export type CreatedApiKey = ResultOf<'POST /v1/api-keys'>;
export type WidgetSession = ResultOf<'POST /v1/widget-sessions'>;
export type CreateWidgetSessionInput = BodyOf<'POST /v1/widget-sessions'>;
export type StartClientLoginInput = BodyOf<'POST /v1/client-auth/start'>;
export type ClientLoginStarted = ResultOf<'POST /v1/client-auth/start'>;
export type VerifyClientCodeInput = BodyOf<'POST /v1/client-auth/verify'>;
export type ClientSignedIn = ResultOf<'POST /v1/client-auth/verify'>;

/**
 * A webhook delivery's body once `webhooks.verify` checked it: `{ type, timestamp, data }`, one member per
 * event type of the API's catalogue, so `event.type` narrows `event.data` (a `Folder`, a `DocumentFile`…).
 * The union is closed: an event type added to LeCoffre after this SDK version reaches a `switch`'s
 * `default` branch (typed `never`), so keep one.
 */
export type WebhookEvent = Schemas['WebhookEvent'];
export type WebhookEventType = WebhookEvent['type'];
/** The event of one type: `WebhookEventOf<'document.uploaded'>['data']` is a `DocumentFile`. */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

export type DeedType = ItemOf<'GET /v1/deed-types'>;
export type DocumentType = ItemOf<'GET /v1/document-types'>;
export type CreateDocumentTypeInput = BodyOf<'POST /v1/document-types'>;

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An endpoint as the contract writes it: `'POST /v1/folders'`, `'GET /v1/folders/{id}'`. */
export type Route = `${Uppercase<HttpMethod>} /${string}`;

/** What a route missing from openapi/openapi.json accepts and returns: nothing a caller can produce or use. */
export interface NotInContract<R extends Route> {
  readonly 'this endpoint is not in openapi/openapi.json yet (run `npm run generate` once it is)': R;
}

type PathOf<R extends Route> = R extends `${string} ${infer P}` ? P : never;
type MethodOf<R extends Route> = R extends `${infer M} ${string}` ? Lowercase<M> : never;

/** The generated operation of a route, or never when the contract has no such route. */
type OperationOf<R extends Route> =
  PathOf<R> extends keyof paths ? (MethodOf<R> extends keyof paths[PathOf<R>] ? NonNullable<paths[PathOf<R>][MethodOf<R>]> : never) : never;

/** True when the contract has the route (used by resources to refuse calls to routes it lacks). */
export type InContract<R extends Route> = [OperationOf<R>] extends [never] ? false : true;

type JsonContent<C> = C extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body the route takes. */
export type BodyOf<R extends Route> =
  InContract<R> extends true ? JsonContent<NonNullable<OperationOf<R>['requestBody']>> : NotInContract<R>;

/** The query parameters the route takes (an empty object when it takes none). */
export type QueryOf<R extends Route> =
  InContract<R> extends true
    ? OperationOf<R> extends { parameters: { query?: infer Q } }
      ? [NonNullable<Q>] extends [never]
        ? Record<string, never>
        : NonNullable<Q>
      : Record<string, never>
    : NotInContract<R>;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;
type SuccessOf<Responses> = {
  [S in keyof Responses & SuccessStatus]: Responses[S] extends { content: { 'application/json': infer B } }
    ? B
    : Responses[S] extends { content: Record<string, unknown> }
      ? Blob
      : undefined;
}[keyof Responses & SuccessStatus];

/** What a successful call answers: the JSON body, a Blob for other media types, undefined for no content. */
export type ResultOf<R extends Route> = InContract<R> extends true ? SuccessOf<OperationOf<R>['responses']> : NotInContract<R>;

/** One element of a list route's `data`. */
export type ItemOf<R extends Route> = ResultOf<R> extends { data: (infer T)[] } ? T : NotInContract<R>;

/** The names between braces in a route's path: `'GET /v1/folders/{id}'` -> `'id'`. */
export type PathParamsOf<R extends Route> = Record<ParamNames<PathOf<R>>, string>;
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
