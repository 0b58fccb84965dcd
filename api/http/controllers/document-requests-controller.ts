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
import { cancelDocumentRequest } from '../../services/requests/cancel-document-request.js';
import { type CreateDocumentRequestsInput, createDocumentRequests } from '../../services/requests/create-document-requests.js';
import { listDocumentRequests } from '../../services/requests/list-document-requests.js';
import type { DocumentRequest } from '../../services/requests/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';

@Route('v1')
@Tags('Document requests')
@Response<Problem>(401, 'Missing or invalid credentials')
export class DocumentRequestsController extends Controller {
  /**
   * The folder's requests with their files and review states, oldest first. Clients see their own.
   * @param clientId Only this client's requests
   * @summary List a folder's document requests
   */
  @Get('folders/{id}/document-requests')
  @Response<Problem>(404, 'No such folder')
  @Security('bearer', ['requests:read'])
  @OperationId('documentRequests.list')
  public async listDocumentRequests(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Query() clientId?: string,
  ): Promise<{ data: DocumentRequest[] }> {
    return { data: await listDocumentRequests(serviceContext(req), id, clientId) };
  }

  /**
   * "Demander des documents": one or many documents (catalogue types or free labels) from one client.
   * @summary Request documents from a client
   */
  @Post('folders/{id}/document-requests')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(409, 'The folder is archived')
  @Response<Problem>(422, 'Unknown type, client not on the folder, invalid date')
  @Security('bearer', ['requests:write'])
  @OperationId('documentRequests.create')
  public async createDocumentRequests(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: CreateDocumentRequestsInput,
  ): Promise<{ data: DocumentRequest[] }> {
    const data = await createDocumentRequests(serviceContext(req), id, body);
    this.setStatus(201);
    return { data };
  }

  /**
   * Withdraws a request; refused once one of its files is validated.
   * @summary Cancel a document request
   */
  @Delete('document-requests/{id}')
  @SuccessResponse(204, 'Cancelled')
  @Response<Problem>(404, 'No such request')
  @Response<Problem>(409, 'A file of the request is validated')
  @Security('bearer', ['requests:write'])
  @OperationId('documentRequests.cancel')
  public async cancelDocumentRequest(@Request() req: ExpressRequest, @Path() id: string): Promise<void> {
    await cancelDocumentRequest(serviceContext(req), id);
    this.setStatus(204);
  }
}
