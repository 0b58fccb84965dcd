import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { ApiKey, CreateApiKeyInput, CreatedApiKey, QueryOf } from '../types.js';

/** The office's API keys: `/v1/api-keys`. Managed by a notary's own session, never with an API key. */
export class ApiKeys extends Resource {
  list(query: QueryOf<'GET /v1/api-keys'> = {}, options?: RequestOptions): Paginated<ApiKey> {
    return this.paginate('GET /v1/api-keys', { query }, options);
  }

  /** The answer holds the secret, this once: store it now. */
  create(body: CreateApiKeyInput, options?: PostOptions): Promise<CreatedApiKey> {
    return this.call('POST /v1/api-keys', { json: body }, options);
  }

  /** Revokes the key: calls made with it fail from now on. */
  revoke(id: string, options?: RequestOptions): Promise<void> {
    return this.call('DELETE /v1/api-keys/{id}', { path: { id } }, options);
  }
}
