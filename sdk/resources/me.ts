import type { RequestOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';
import type { Me as MeRecord } from '../types.js';

/** Who the credential is (member, client, API key, widget) and its office: `/v1/me`. */
export class Me extends Resource {
  retrieve(options?: RequestOptions): Promise<MeRecord> {
    return this.call('GET /v1/me', {}, options);
  }
}
