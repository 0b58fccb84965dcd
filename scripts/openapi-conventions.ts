/**
 * What every operation shares because of middleware tsoa does not see (api/app.ts, api/http/*.ts), written
 * into the document after tsoa: the headers (`LeCoffre-Version` everywhere, `Idempotency-Key` on POST, `X-Request-Id` and, on versioned
 * resources, `ETag` on every answer, `If-None-Match` and 304 on the revalidated reads, `Deprecation` and `Link` on deprecated aliases, `RateLimit-*` and `Retry-After` where a limit applies), the answers any
 * operation can give (400 for an unknown version, malformed JSON or a bad Idempotency-Key, 403 for a capability not granted,
 * 413/415 for bodies, 503 while the database is unreachable), problem answers as `application/problem+json`
 * with an example each, and the conventions stated once in `info.description`.
 */
import { API_VERSION_HEADER, API_VERSIONS, CURRENT_API_VERSION } from '../api/domain/api-versions.js';
import { PROBLEM_CODES } from '../api/domain/problem-codes.js';
import { REVALIDATED_READS } from '../api/http/conditional-get.js';
import type { Json, OpenApiDocument, Operation, ResponseObject } from './openapi/document.js';
import { operationsOf } from './openapi/document.js';

const PROBLEM_REF = '#/components/schemas/Problem';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Schemas of versioned resources: their answers carry `ETag: "v<n>-<hash>"` (api/http/etag.ts). */
const VERSIONED_SCHEMAS = new Set(['#/components/schemas/Folder', '#/components/schemas/BankDetails']);

/** The code a problem answer of this status most often carries, for its example when its description names none. */
const TYPICAL_CODE: Record<string, string> = {
  '400': 'invalid_json',
  '401': 'unauthenticated',
  '403': 'operation_not_allowed',
  '404': 'folder_not_found',
  '409': 'conflict',
  '412': 'folder_modified',
  '413': 'body_too_large',
  '415': 'unsupported_media_type',
  '422': 'validation_failed',
  '428': 'validation_failed',
  '429': 'rate_limited',
  '500': 'internal_error',
  '503': 'database_unavailable',
};

const TITLES: Record<string, string> = {
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '409': 'Conflict',
  '412': 'Precondition Failed',
  '413': 'Content Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '503': 'Service Unavailable',
};

const header = (description: string, schema: Json = { type: 'string' }, required = false) => ({
  description,
  schema,
  ...(required ? { required } : {}),
});

const HEADERS: Record<string, Json> = {
  XRequestId: header(
    'This request’s id (yours, from `X-Request-Id`, when it looks sane; else ours): quote it when asking for help.',
    undefined,
    true,
  ),
  ETag: header(
    'The version and the representation, `"v<n>-<hash>"`: send it back in `If-None-Match` to be told 304 while what you hold is still what would be sent, and in `If-Match` to change the resource only if nobody edited it since (only the version part `v<n>` is compared there: completion and anchoring move without an edit; `"v<n>"` alone is accepted too).',
    undefined,
    true,
  ),
  BodyETag: header(
    'A weak ETag over the body: send it back in `If-None-Match` to be told 304 while it is still what would be sent.',
    undefined,
    true,
  ),
  CacheControl: header(
    '`private, no-cache`: keep it in your own cache only, and revalidate it (`If-None-Match`) on every use; what it shows (completion, anchoring) changes without notice.',
    { type: 'string', enum: ['private, no-cache'] },
    true,
  ),
  RetryAfter: header('Seconds to wait before trying again.', { type: 'integer', minimum: 0 }),
  RateLimitLimit: header('Requests allowed in the current window.', { type: 'integer', minimum: 0 }),
  RateLimitRemaining: header('Requests left in the current window.', { type: 'integer', minimum: 0 }),
  RateLimitReset: header('Seconds until the window resets.', { type: 'integer', minimum: 0 }),
  RateLimitPolicy: header('The limit and its window, `<limit>;w=<seconds>` (draft-ietf-httpapi-ratelimit-headers).'),
  Location: header('Where the created resource lives.'),
  ApiVersion: header(
    'The dated contract this answer follows (yours, or the current one when you sent none).',
    { type: 'string', enum: [...API_VERSIONS] },
    true,
  ),
  Deprecation: header(
    'This route is deprecated (RFC 9745: `@<unix seconds>`, the day it was); it keeps working until the next major version.',
    undefined,
    true,
  ),
  SuccessorLink: header('The route to call instead: `</v1/documents/{id}/refuse>; rel="successor-version"`.', undefined, true),
  IdempotentReplayed: header('`true` when this is the recorded answer to an earlier request with the same `Idempotency-Key`.', {
    type: 'string',
    enum: ['true'],
  }),
};

const API_VERSION = {
  name: API_VERSION_HEADER,
  in: 'header',
  required: false,
  description: `The dated contract you wrote against (see docs/api-changelog.md); without it, the current one (\`${CURRENT_API_VERSION}\`). An unknown version is refused (400 \`unsupported_api_version\`). The SDK sends the version it was generated with.`,
  schema: { type: 'string', enum: [...API_VERSIONS], example: CURRENT_API_VERSION },
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The `ETag` of the copy you hold: a 304 with no body while it is still what would be sent.',
  schema: { type: 'string' },
};

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (1 to 255 visible ASCII characters, e.g. a UUID). The same key with the same request within 24 hours gets the first answer again (`Idempotent-Replayed: true`), whatever happened to the first answer on the way back; with another request, a 409 `idempotency_key_reused`.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

export function applyConventions(spec: OpenApiDocument): void {
  spec.components.headers = { ...spec.components.headers, ...HEADERS };
  spec.components.parameters = {
    ...spec.components.parameters,
    IdempotencyKey: IDEMPOTENCY_KEY,
    ApiVersion: API_VERSION,
    IfNoneMatch: IF_NONE_MATCH,
  };
  for (const { path, method, operation } of operationsOf(spec)) {
    if ((REVALIDATED_READS as readonly string[]).includes(`${method.toUpperCase()} ${path}`)) offerRevalidation(operation);
    addCommonAnswers(method, operation);
    operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/ApiVersion' }];
    if (method === 'post') operation.parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
    const rateLimited = '429' in operation.responses;
    for (const [status, response] of Object.entries(operation.responses)) {
      response.headers = { ...response.headers, 'X-Request-Id': headerRef('XRequestId'), [API_VERSION_HEADER]: headerRef('ApiVersion') };
      if (method === 'post' && status.startsWith('2')) response.headers['Idempotent-Replayed'] = headerRef('IdempotentReplayed');
      if (status === '429' || status === '503') response.headers['Retry-After'] = headerRef('RetryAfter');
      if (rateLimited) {
        response.headers['RateLimit-Limit'] = headerRef('RateLimitLimit');
        response.headers['RateLimit-Remaining'] = headerRef('RateLimitRemaining');
        response.headers['RateLimit-Reset'] = headerRef('RateLimitReset');
        response.headers['RateLimit-Policy'] = headerRef('RateLimitPolicy');
      }
      if (status === '201') response.headers.Location = headerRef('Location');
      // Deprecated aliases say so on every answer they give themselves (api/http/deprecation.ts).
      if (operation.deprecated && status.startsWith('2')) {
        response.headers.Deprecation = headerRef('Deprecation');
        response.headers.Link = headerRef('SuccessorLink');
      }
      const schema = response.content?.['application/json']?.schema;
      if (schema?.$ref && VERSIONED_SCHEMAS.has(schema.$ref) && status.startsWith('2')) response.headers.ETag = headerRef('ETag');
      if (schema?.$ref === PROBLEM_REF) describeProblem(status, response);
    }
  }
}

/** A read of http/conditional-get.ts: `If-None-Match`, a 304, and what its 200 says about caching. */
function offerRevalidation(operation: Operation): void {
  const ok = operation.responses['200'];
  if (!ok) throw new Error(`openapi-conventions: ${operation.operationId} is revalidated but has no 200 answer`);
  const schema = ok.content?.['application/json']?.schema;
  const etag = schema?.$ref && VERSIONED_SCHEMAS.has(schema.$ref) ? 'ETag' : 'BodyETag';
  ok.headers = { ...ok.headers, ETag: headerRef(etag), 'Cache-Control': headerRef('CacheControl') };
  operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/IfNoneMatch' }];
  operation.responses['304'] = {
    description: 'Not modified: the `If-None-Match` sent names what would be sent; no body, use your copy',
    headers: { ETag: headerRef(etag), 'Cache-Control': headerRef('CacheControl') },
  };
}

function problemAnswer(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: { $ref: PROBLEM_REF } } } };
}

/** Answers the middleware gives whatever the controller: declared here so clients (and the tests' validator) expect them. */
function addCommonAnswers(method: string, operation: Operation): void {
  const responses = operation.responses;
  const add = (status: string, description: string) => {
    responses[status] ??= problemAnswer(description);
  };
  const takesBody = operation.requestBody !== undefined || method === 'post';
  add(
    '400',
    takesBody
      ? 'Malformed JSON (`invalid_json`), `Idempotency-Key` (`invalid_idempotency_key`) or an unknown `LeCoffre-Version` (`unsupported_api_version`)'
      : 'An unknown `LeCoffre-Version` (`unsupported_api_version`)',
  );
  if (operation.security && operation.security.length > 0) {
    add('401', 'Missing, expired or revoked credentials (`unauthenticated`)');
    add('403', 'The credential is not granted this operation’s capability (`operation_not_allowed`)');
  }
  if (method === 'post')
    add(
      '409',
      'This `Idempotency-Key` was used for another request (`idempotency_key_reused`) or is still running (`idempotency_key_in_use`), or was carried out and its answer lost (`idempotency_key_answer_lost`)',
    );
  if (takesBody) {
    add('413', 'The body is larger than the limit (`body_too_large`)');
    add('415', 'The body is not `application/json` (`unsupported_media_type`)');
  }
  add('503', 'The database cannot be reached (`database_unavailable`); nothing was changed, retry after `Retry-After`');
}

/** Problem answers are `application/problem+json` (RFC 9457), with an example built from the code their description names. */
function describeProblem(status: string, response: ResponseObject): void {
  const named = /`([a-z_]+)`/.exec(response.description)?.[1];
  const code = named && (PROBLEM_CODES as readonly string[]).includes(named) ? named : (TYPICAL_CODE[status] ?? 'internal_error');
  const example: Json = {
    type: `https://lecoffre.io/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status: Number(status),
    detail: response.description.replace(/ \(`[a-z_]+`\)$/, '').replace(/`/g, ''),
    code,
    requestId: 'req_Qm9uam91ciAh',
  };
  if (code === 'validation_failed') example.errors = [{ path: 'title', message: 'must NOT have fewer than 1 characters' }];
  response.content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF }, example } };
}
