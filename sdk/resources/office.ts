import type { PostOptions, RequestOptions, UpdateOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { ifMatchHeaders, Resource } from '../core/resource.js';
import type {
  BankDetails as BankDetailsRecord,
  CreateBankDetailsInput,
  Office as OfficeRecord,
  UpdateBankDetailsInput,
  UpdateOfficeInput,
} from '../types.js';

/** The office's bank details (RIB) it may send to clients: `/v1/office/bank-details`. */
export class BankDetails extends Resource {
  list(options?: RequestOptions): Paginated<BankDetailsRecord> {
    return this.paginate('GET /v1/office/bank-details', {}, options);
  }

  create(body: CreateBankDetailsInput, options?: PostOptions): Promise<BankDetailsRecord> {
    return this.call('POST /v1/office/bank-details', { json: body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<BankDetailsRecord> {
    return this.call('GET /v1/office/bank-details/{id}', { path: { id } }, options);
  }

  /** Pass `ifMatch: bankDetails.version` to be told (412) rather than overwrite a colleague's edit. */
  update(id: string, body: UpdateBankDetailsInput, { ifMatch, ...options }: UpdateOptions = {}): Promise<BankDetailsRecord> {
    return this.call('PATCH /v1/office/bank-details/{id}', { path: { id }, json: body, headers: ifMatchHeaders(ifMatch) }, options);
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call('DELETE /v1/office/bank-details/{id}', { path: { id } }, options);
  }
}

/** The credential's office (`/v1/office`) and its bank details. */
export class Office extends Resource {
  readonly bankDetails = new BankDetails(this.http);

  retrieve(options?: RequestOptions): Promise<OfficeRecord> {
    return this.call('GET /v1/office', {}, options);
  }

  /** The office's settings (its time zone); a notary's session or the office's API key. */
  update(body: UpdateOfficeInput, options?: PostOptions): Promise<OfficeRecord> {
    return this.call('PATCH /v1/office', { json: body }, options);
  }
}
