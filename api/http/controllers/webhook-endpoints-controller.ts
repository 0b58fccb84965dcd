import {
  Body,
  Controller,
  Delete,
  Get,
  OperationId,
  Patch,
  Path,
  Post,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { eventTypeCatalogue } from '../../services/webhooks/event-catalogue.js';
import {
  type CreateWebhookEndpointInput,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  type UpdateWebhookEndpointInput,
  updateWebhookEndpoint,
} from '../../services/webhooks/manage-endpoints.js';
import {
  listWebhookAttempts,
  type RecoverInput,
  type RecoverResult,
  recoverWebhookMessages,
  resendWebhookMessage,
} from '../../services/webhooks/messages.js';
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhookMessage } from '../../services/webhooks/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';
import type { EventTypePage, WebhookAttemptPage, WebhookEndpointPage } from './list-envelopes.js';
import { webhookServiceDeps } from './webhook-dependencies.js';

/**
 * Signed webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). Members of
 * the office may read the settings and the delivery log; notaries and API keys change them; widget
 * sessions may do neither. Receiver guide: docs/webhooks.md.
 */
@Route('v1')
@Tags('Webhooks')
@Response<Problem>(401, 'Missing, expired or revoked credentials')
@Response<Problem>(403, 'Clients and widget sessions cannot manage webhooks; changes need a notary or an API key')
export class WebhookEndpointsController extends Controller {
  /**
   * The office's endpoints, newest first.
   * @param limit Page size
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @summary List webhook endpoints
   */
  @Get('webhook-endpoints')
  @Security('bearer', ['webhooks:read'])
  @OperationId('webhookEndpoints.list')
  public async listWebhookEndpoints(
    @Request() req: ExpressRequest,
    @Query() limit?: number,
    @Query() cursor?: string,
  ): Promise<WebhookEndpointPage> {
    return listWebhookEndpoints(serviceContext(req), webhookServiceDeps(req), { limit, cursor });
  }

  /**
   * Registers a receiver. Its `secret` is in this answer only (store it in the receiver's configuration).
   * The URL must resolve to public addresses only: loopback, private, link-local and metadata addresses
   * are refused (422 `webhook_url_forbidden`).
   * @summary Register a webhook endpoint
   */
  @Post('webhook-endpoints')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(422, 'Invalid URL, forbidden address or unknown event type')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.create')
  public async createWebhookEndpoint(
    @Request() req: ExpressRequest,
    @Body() body: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecret> {
    const created = await createWebhookEndpoint(serviceContext(req), webhookServiceDeps(req), body);
    this.setStatus(201);
    this.setHeader('Location', `/v1/webhook-endpoints/${created.id}`);
    this.setHeader('Cache-Control', 'no-store');
    return created;
  }

  /**
   * One endpoint of the office: its URL, event types and state (never its secret).
   * @summary Retrieve a webhook endpoint
   */
  @Get('webhook-endpoints/{id}')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Security('bearer', ['webhooks:read'])
  @OperationId('webhookEndpoints.retrieve')
  public async getWebhookEndpoint(@Request() req: ExpressRequest, @Path() id: string): Promise<WebhookEndpoint> {
    return getWebhookEndpoint(serviceContext(req), webhookServiceDeps(req), id);
  }

  /**
   * Changes the URL, description or event types, or turns the endpoint off and on. Turned back on, it sends what waited.
   * @summary Update a webhook endpoint
   */
  @Patch('webhook-endpoints/{id}')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Response<Problem>(422, 'Invalid URL, forbidden address or unknown event type')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.update')
  public async updateWebhookEndpoint(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return updateWebhookEndpoint(serviceContext(req), webhookServiceDeps(req), id, body);
  }

  /**
   * Deletes the endpoint; messages still waiting for it are cancelled.
   * @summary Delete a webhook endpoint
   */
  @Delete('webhook-endpoints/{id}')
  @SuccessResponse(204, 'Deleted')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.delete')
  public async deleteWebhookEndpoint(@Request() req: ExpressRequest, @Path() id: string): Promise<void> {
    await deleteWebhookEndpoint(serviceContext(req), webhookServiceDeps(req), id);
    this.setStatus(204);
  }

  /**
   * A new secret, in this answer only. For 24 hours deliveries carry two signatures (previous and new
   * secret), so the receiver can switch without losing a message.
   * @summary Rotate an endpoint's signing secret
   */
  @Post('webhook-endpoints/{id}/rotate-secret')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.rotateSecret')
  public async rotateWebhookSecret(@Request() req: ExpressRequest, @Path() id: string): Promise<WebhookEndpointWithSecret> {
    this.setHeader('Cache-Control', 'no-store');
    return rotateWebhookSecret(serviceContext(req), webhookServiceDeps(req), id);
  }

  /**
   * Delivery attempts to this endpoint, newest first: outcome, status code, duration, start of the answer.
   * @param limit Page size
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @summary List delivery attempts
   */
  @Get('webhook-endpoints/{id}/attempts')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Security('bearer', ['webhooks:read'])
  @OperationId('webhookEndpoints.attempts')
  public async listWebhookAttempts(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Query() limit?: number,
    @Query() cursor?: string,
  ): Promise<WebhookAttemptPage> {
    return listWebhookAttempts(serviceContext(req), id, { limit, cursor });
  }

  /**
   * Sends again every message that failed for good (8 attempts) since `since`, in their original order.
   * @summary Resend failed messages
   */
  @Post('webhook-endpoints/{id}/recover')
  @Response<Problem>(404, 'No such endpoint in your office')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.recover')
  public async recoverWebhookMessages(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: RecoverInput,
  ): Promise<RecoverResult> {
    return recoverWebhookMessages(serviceContext(req), webhookServiceDeps(req), id, body);
  }

  /**
   * Sends one message again now, with the same `webhook-id` (ids: `messageId` in the attempts log).
   * @summary Resend one message
   */
  @Post('webhook-messages/{id}/resend')
  @SuccessResponse(202, 'Queued')
  @Response<Problem>(404, 'No such message in your office')
  @Security('bearer', ['webhooks:write'])
  @OperationId('webhookEndpoints.resendMessage')
  public async resendWebhookMessage(@Request() req: ExpressRequest, @Path() id: string): Promise<WebhookMessage> {
    const message = await resendWebhookMessage(serviceContext(req), webhookServiceDeps(req), id);
    this.setStatus(202);
    return message;
  }

  /**
   * Every event type an endpoint may subscribe to, with the JSON Schema (2020-12) of its delivered body.
   * @summary List event types
   */
  @Get('event-types')
  @Security('bearer', ['webhooks:read'])
  @OperationId('webhookEndpoints.eventTypes')
  public async listEventTypes(): Promise<EventTypePage> {
    return { data: eventTypeCatalogue(), nextCursor: null };
  }
}
