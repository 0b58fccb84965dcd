import {
  Body,
  Controller,
  Delete,
  Get,
  OperationId,
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
import { type CreateApiKeyInput, createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys/manage-api-keys.js';
import type { CreatedApiKey } from '../../services/api-keys/views.js';
import { serviceContext } from '../app-services.js';
import { identityDependencies } from '../authentication.js';
import type { Problem } from '../problem.js';
import type { ApiKeyPage } from './list-envelopes.js';

@Route('v1/api-keys')
@Tags('API keys')
@Response<Problem>(401, 'Missing, expired or revoked credentials')
@Response<Problem>(403, 'Only a notary of the office, signed in with ID.not, manages API keys')
export class ApiKeysController extends Controller {
  /**
   * The office's API keys, newest first, revoked ones included (never their secrets).
   * @param limit Page size
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @summary List API keys
   */
  @Get()
  @Security('bearer', ['api_keys:manage'])
  @OperationId('apiKeys.list')
  public async listApiKeys(@Request() req: ExpressRequest, @Query() limit?: number, @Query() cursor?: string): Promise<ApiKeyPage> {
    return listApiKeys(serviceContext(req), { limit, cursor });
  }

  /**
   * Creates a key for a vendor's back end. Its `secret` is in this answer only: it is stored hashed.
   * @summary Create an API key
   */
  @Post()
  @SuccessResponse(201, 'Created')
  @Response<Problem>(422, 'Invalid body')
  @Security('bearer', ['api_keys:manage'])
  @OperationId('apiKeys.create')
  public async createApiKey(@Request() req: ExpressRequest, @Body() body: CreateApiKeyInput): Promise<CreatedApiKey> {
    const key = await createApiKey(serviceContext(req), body);
    this.setStatus(201);
    this.setHeader('Location', `/v1/api-keys/${key.id}`);
    this.setHeader('Cache-Control', 'no-store');
    return key;
  }

  /**
   * Revokes the key at once: its next request, and those of the widget sessions it minted, get a 401.
   * @summary Revoke an API key
   */
  @Delete('{id}')
  @SuccessResponse(204, 'Revoked')
  @Response<Problem>(404, 'No such API key in your office')
  @Security('bearer', ['api_keys:manage'])
  @OperationId('apiKeys.revoke')
  public async revokeApiKey(@Request() req: ExpressRequest, @Path() id: string): Promise<void> {
    await revokeApiKey(serviceContext(req), id, identityDependencies(req).clock.now());
    this.setStatus(204);
  }
}
