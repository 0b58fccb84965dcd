import type { ItemOf, PathParamsOf, ResultOf, Route } from '../types.js';
import type { ApiRequest, HttpClient, PostOptions, QueryValue, RequestOptions } from './http-client.js';
import { type Page, Paginated } from './paginated.js';

export interface CallInput<R extends Route> {
  path?: PathParamsOf<R>;
  query?: object;
  json?: unknown;
  headers?: Record<string, string>;
}

/** `'GET /v1/folders/{id}'` + `{ id }` -> `['GET', '/v1/folders/fld_…']`, each parameter URL-encoded. */
function resolveRoute(route: Route, params: Record<string, string> = {}): [ApiRequest['method'], string] {
  const [method, template] = route.split(' ') as [ApiRequest['method'], string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    // An empty id would silently address another route (`/v1/folders/` is the list).
    if (typeof value !== 'string' || value === '') throw new TypeError(`${route}: "${name}" must be a non-empty string.`);
    return encodeURIComponent(value);
  });
  return [method, path];
}

/** `If-Match` for a version number (the API's ETags are `"v<version>"`) or an ETag given as is. */
export function ifMatchHeaders(ifMatch: number | string | undefined): Record<string, string> | undefined {
  if (ifMatch === undefined) return undefined;
  return { 'If-Match': typeof ifMatch === 'number' ? `"v${ifMatch}"` : ifMatch };
}

/**
 * Base of every resource: methods name a contract route and pass its inputs; the route's types (from
 * sdk/types.ts) make the public signatures, so a resource is a few lines per endpoint.
 */
export abstract class Resource {
  constructor(protected readonly http: HttpClient) {}

  protected async call<R extends Route>(route: R, input: CallInput<R> = {}, options: PostOptions = {}): Promise<ResultOf<R>> {
    const [method, path] = resolveRoute(route, input.path);
    const response = await this.http.request(
      {
        method,
        path,
        query: input.query as Record<string, QueryValue> | undefined,
        json: input.json,
        headers: input.headers,
        idempotencyKey: options.idempotencyKey,
      },
      options,
    );
    // The one trusted boundary: what the server sent is what the contract says it sends.
    return response.data as ResultOf<R>;
  }

  /** A list route, paged with `limit`/`cursor` and followed through `nextCursor`. */
  protected paginate<R extends Route>(
    route: R,
    input: CallInput<R> & { query?: { cursor?: string } },
    options: RequestOptions = {},
  ): Paginated<ItemOf<R>> {
    return new Paginated<ItemOf<R>>(
      async (cursor) => (await this.call(route, { ...input, query: { ...input.query, cursor } }, options)) as Page<ItemOf<R>>,
      input.query?.cursor,
    );
  }
}
