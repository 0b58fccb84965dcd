import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { ListMembersQuery, Member } from '../types.js';

/** The office's notaries and collaborators: `/v1/members` (staff credentials only). */
export class Members extends Resource {
  /** `status: 'pending'` lists collaborators waiting for a notary's approval. */
  list(query: ListMembersQuery = {}, options?: RequestOptions): Paginated<Member> {
    return this.paginate('GET /v1/members', { query }, options);
  }

  /** A notary lets a pending collaborator in. */
  approve(id: string, options?: PostOptions): Promise<Member> {
    return this.call('POST /v1/members/{id}/approve', { path: { id } }, options);
  }
}
