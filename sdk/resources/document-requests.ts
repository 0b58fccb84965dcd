import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { CreateDocumentRequestsInput, DocumentRequest, QueryOf } from '../types.js';

/** "Demander des documents": what a folder's clients must send (`/v1/folders/{id}/document-requests`). */
export class DocumentRequests extends Resource {
  /** A folder's requests, with their files; `clientId` narrows to one client. */
  list(
    folderId: string,
    query: QueryOf<'GET /v1/folders/{id}/document-requests'> = {},
    options?: RequestOptions,
  ): Paginated<DocumentRequest> {
    return this.paginate('GET /v1/folders/{id}/document-requests', { path: { id: folderId }, query }, options);
  }

  /** Requests several documents from one client of the folder at once; answers the requests created. */
  create(folderId: string, body: CreateDocumentRequestsInput, options?: PostOptions): Promise<{ data: DocumentRequest[] }> {
    return this.call('POST /v1/folders/{id}/document-requests', { path: { id: folderId }, json: body }, options);
  }

  /** Withdraws a request the client no longer needs to answer. */
  cancel(id: string, options?: RequestOptions): Promise<void> {
    return this.call('DELETE /v1/document-requests/{id}', { path: { id } }, options);
  }
}
