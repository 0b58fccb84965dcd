import type { PostOptions, RequestOptions } from '../core/http-client.js';
import type { Paginated } from '../core/paginated.js';
import { Resource } from '../core/resource.js';
import type { BodyOf, ItemOf, QueryOf, ResultOf } from '../types.js';

/**
 * Where LeCoffre sends signed events: `/v1/webhook-endpoints` (plus message resend and the event type
 * list). Types come from openapi.json as each endpoint lands. To check a delivery, see `webhooks.verify`.
 */
export class WebhookEndpoints extends Resource {
  list(query?: QueryOf<'GET /v1/webhook-endpoints'>, options?: RequestOptions): Paginated<ItemOf<'GET /v1/webhook-endpoints'>> {
    return this.paginate('GET /v1/webhook-endpoints', { query }, options);
  }

  create(body: BodyOf<'POST /v1/webhook-endpoints'>, options?: PostOptions): Promise<ResultOf<'POST /v1/webhook-endpoints'>> {
    return this.call('POST /v1/webhook-endpoints', { json: body }, options);
  }

  retrieve(id: string, options?: RequestOptions): Promise<ResultOf<'GET /v1/webhook-endpoints/{id}'>> {
    return this.call('GET /v1/webhook-endpoints/{id}', { path: { id } }, options);
  }

  update(
    id: string,
    body: BodyOf<'PATCH /v1/webhook-endpoints/{id}'>,
    options?: RequestOptions,
  ): Promise<ResultOf<'PATCH /v1/webhook-endpoints/{id}'>> {
    return this.call('PATCH /v1/webhook-endpoints/{id}', { path: { id }, json: body }, options);
  }

  delete(id: string, options?: RequestOptions): Promise<ResultOf<'DELETE /v1/webhook-endpoints/{id}'>> {
    return this.call('DELETE /v1/webhook-endpoints/{id}', { path: { id } }, options);
  }

  /** A new signing secret; the answer holds it once. */
  rotateSecret(id: string, options?: PostOptions): Promise<ResultOf<'POST /v1/webhook-endpoints/{id}/rotate-secret'>> {
    return this.call('POST /v1/webhook-endpoints/{id}/rotate-secret', { path: { id } }, options);
  }

  /** Delivery attempts to this endpoint, newest first. */
  attempts(
    id: string,
    query?: QueryOf<'GET /v1/webhook-endpoints/{id}/attempts'>,
    options?: RequestOptions,
  ): Paginated<ItemOf<'GET /v1/webhook-endpoints/{id}/attempts'>> {
    return this.paginate('GET /v1/webhook-endpoints/{id}/attempts', { path: { id }, query }, options);
  }

  /** Sends again every message that failed since a date. */
  recover(
    id: string,
    body: BodyOf<'POST /v1/webhook-endpoints/{id}/recover'>,
    options?: PostOptions,
  ): Promise<ResultOf<'POST /v1/webhook-endpoints/{id}/recover'>> {
    return this.call('POST /v1/webhook-endpoints/{id}/recover', { path: { id }, json: body }, options);
  }

  resendMessage(messageId: string, options?: PostOptions): Promise<ResultOf<'POST /v1/webhook-messages/{id}/resend'>> {
    return this.call('POST /v1/webhook-messages/{id}/resend', { path: { id: messageId } }, options);
  }

  eventTypes(options?: RequestOptions): Paginated<ItemOf<'GET /v1/event-types'>> {
    return this.paginate('GET /v1/event-types', {}, options);
  }
}
