import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { Client, CreateClientInput, ListClientsQuery, UpdateClientInput } from '../types.js';

/** The office's clients, reusable across folders: `/v1/clients`. Add one to a folder with `folders.addClient`. */
export class Clients extends Resource {
  /** Newest first; `q` matches names, e-mail and mobile, case and accents aside. */
  list(query: ListClientsQuery = {}, options?: RequestOptions): Paginated<Client> {
    return this.paginate('GET /v1/clients', { query }, options);
  }

  create(body: CreateClientInput, options?: PostOptions): Promise<Client> {
    return this.call('POST /v1/clients', { json: body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Client> {
    return this.call('GET /v1/clients/{id}', { path: { id } }, options);
  }

  update(id: string, body: UpdateClientInput, options?: RequestOptions): Promise<Client> {
    return this.call('PATCH /v1/clients/{id}', { path: { id }, json: body }, options);
  }
}
