import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { CreateDocumentTypeInput, DeedType, DocumentType } from '../types.js';

/** Kinds of deed ("Vente", "Succession"…) with the documents each usually needs: `/v1/deed-types`. */
export class DeedTypes extends Resource {
  /** Not paged by the API today: one page holds them all (`.toArray()` for an array). */
  list(options?: RequestOptions): Paginated<DeedType> {
    return this.paginate('GET /v1/deed-types', {}, options);
  }
}

/** LeCoffre's document catalogue plus the office's own types: `/v1/document-types`. */
export class DocumentTypes extends Resource {
  /** Not paged by the API today: one page holds them all (`.toArray()` for an array). */
  list(options?: RequestOptions): Paginated<DocumentType> {
    return this.paginate('GET /v1/document-types', {}, options);
  }

  /** "Créer un document": a document type of the office's own. */
  create(body: CreateDocumentTypeInput, options?: PostOptions): Promise<DocumentType> {
    return this.call('POST /v1/document-types', { json: body }, options);
  }
}

/** The catalogue: `catalogue.deedTypes`, `catalogue.documentTypes`. */
export class Catalogue {
  readonly deedTypes: DeedTypes;
  readonly documentTypes: DocumentTypes;
  constructor(...args: ConstructorParameters<typeof DeedTypes>) {
    this.deedTypes = new DeedTypes(...args);
    this.documentTypes = new DocumentTypes(...args);
  }
}
