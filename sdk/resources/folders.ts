import type { PostOptions, RequestOptions, UpdateOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { ifMatchHeaders, Resource } from '../core/resource.js';
import type {
  AddFolderClientInput,
  AuditEvent,
  CreateFolderInput,
  DocumentFile,
  Folder,
  FolderClientLink,
  ListFoldersQuery,
  ResultOf,
  SetFolderAccessInput,
  ShareDocumentInput,
  SharedDocument,
  UpdateFolderInput,
} from '../types.js';

/**
 * What `folders.addClient` gives back: the API's answer at the version the SDK pins (`FolderClientLink`,
 * since `LeCoffre-Version: 2026-12-09`): the client just added, and the folder after the change.
 */
export type AddedFolderClient = FolderClientLink;

/** Folders ("dossiers"): `/v1/folders` and what hangs off one folder (clients, access, shared documents). */
export class Folders extends Resource {
  /** The office's folders, newest first; `for await` walks all of them, `.page()` reads one page. */
  list(query: ListFoldersQuery = {}, options?: RequestOptions): Paginated<Folder> {
    return this.paginate('GET /v1/folders', { query }, options);
  }

  create(body: CreateFolderInput, options?: PostOptions): Promise<Folder> {
    return this.call('POST /v1/folders', { json: body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<Folder> {
    return this.call('GET /v1/folders/{id}', { path: { id } }, options);
  }

  /** Pass `ifMatch: folder.version` to be told (412) rather than overwrite a colleague's edit. */
  update(id: string, body: UpdateFolderInput, { ifMatch, ...options }: UpdateOptions = {}): Promise<Folder> {
    return this.call('PATCH /v1/folders/{id}', { path: { id }, json: body, headers: ifMatchHeaders(ifMatch) }, options);
  }

  /** "Dossiers archivés": the folder leaves the open list; nothing in it is deleted. */
  archive(id: string, options?: PostOptions): Promise<Folder> {
    return this.call('POST /v1/folders/{id}/archive', { path: { id } }, options);
  }

  /**
   * "Associer un client": an existing client (`{ clientId }`) or a new one (`{ client: {…} }`). Gives back
   * `client`, the one just added as the folder shows it, and `folder`, the folder after the change.
   */
  async addClient(id: string, body: AddFolderClientInput, options?: PostOptions): Promise<AddedFolderClient> {
    const answer = await this.call('POST /v1/folders/{id}/clients', { path: { id }, json: body }, options);
    // The SDK pins a version that answers the link (`{ client, folder }`); a bare Folder is an older version's.
    return answer as AddedFolderClient;
  }

  removeClient(id: string, clientId: string, options?: RequestOptions): Promise<void> {
    return this.call('DELETE /v1/folders/{id}/clients/{clientId}', { path: { id, clientId } }, options);
  }

  /** Who sees the folder: the whole office, or only the members listed (notaries always do). */
  setAccess(id: string, body: SetFolderAccessInput, options?: RequestOptions): Promise<Folder> {
    return this.call('PUT /v1/folders/{id}/members', { path: { id }, json: body }, options);
  }

  /** The folder's audit trail, hash-chained. */
  events(id: string, options?: RequestOptions): Paginated<AuditEvent> {
    return this.paginate('GET /v1/folders/{id}/events', { path: { id } }, options);
  }

  /** Sends one of the office's bank details (`{ bankDetailsId }`) to the folder's clients. */
  shareDocument(id: string, body: ShareDocumentInput, options?: PostOptions): Promise<SharedDocument> {
    return this.call('POST /v1/folders/{id}/shared-documents', { path: { id }, json: body }, options);
  }

  sharedDocuments(id: string, options?: RequestOptions): Paginated<SharedDocument> {
    return this.paginate('GET /v1/folders/{id}/shared-documents', { path: { id } }, options);
  }

  /** "Documents supplémentaires": what the folder's clients sent without a request (a client: its own). */
  async extraDocuments(id: string, options?: RequestOptions): Promise<DocumentFile[]> {
    return (await this.call('GET /v1/folders/{id}/extra-documents', { path: { id } }, options)).data;
  }

  /** @deprecated Use `extraDocuments` (same answer); kept until the next major version. */
  extraFiles(id: string, options?: RequestOptions): Promise<DocumentFile[]> {
    return this.extraDocuments(id, options);
  }

  /** A document the office sent (`kind: file`), as a Blob. */
  downloadSharedDocument(sharedId: string, options?: RequestOptions): Promise<Blob> {
    return this.call('GET /v1/shared-documents/{id}/download', { path: { id: sharedId } }, options) as Promise<unknown> as Promise<Blob>;
  }

  /** "Valider et ancrer" (at 100 % only): the folder is frozen and anchored with the next batch (202). */
  anchor(id: string, options?: PostOptions): Promise<ResultOf<'POST /v1/folders/{id}/anchor'>> {
    return this.call('POST /v1/folders/{id}/anchor', { path: { id } }, options);
  }

  /** The proof bundle (a ZIP, as a Blob) of an anchored folder; check it with `verifyProofBundle`. */
  proof(id: string, options?: RequestOptions): Promise<ResultOf<'GET /v1/folders/{id}/proof'>> {
    return this.call('GET /v1/folders/{id}/proof', { path: { id } }, options);
  }
}
