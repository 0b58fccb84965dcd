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
import { answersSince } from '../../domain/api-versions.js';
import type { ClientFields, ClientFieldsPatch } from '../../services/clients/client-input.js';
import { createClient } from '../../services/clients/create-client.js';
import { getClient, listClients } from '../../services/clients/get-client.js';
import { updateClient } from '../../services/clients/update-client.js';
import type { Client } from '../../services/clients/views.js';
import { type AddFolderClientInput, addFolderClient, type FolderClientLink } from '../../services/folders/add-folder-client.js';
import { removeFolderClient } from '../../services/folders/remove-folder-client.js';
import type { Folder } from '../../services/folders/views.js';
import { requestApiVersion } from '../api-version.js';
import { serviceContext } from '../app-services.js';
import { etagOf } from '../etag.js';
import type { Problem } from '../problem.js';
import type { ClientPage } from './list-envelopes.js';

@Route('v1')
@Tags('Clients')
@Response<Problem>(401, 'Missing or invalid credentials')
export class ClientsController extends Controller {
  /**
   * The office's clients, newest first; reusable across folders.
   * @param q Name or e-mail; case and accents do not matter
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @summary List clients
   */
  @Get('clients')
  @Security('bearer', ['clients:read'])
  @OperationId('clients.list')
  public async listClients(
    @Request() req: ExpressRequest,
    @Query() q?: string,
    @Query() limit?: number,
    @Query() cursor?: string,
  ): Promise<ClientPage> {
    return listClients(serviceContext(req), { q, limit, cursor });
  }

  /**
   * Adds a client to the office's directory (not yet to a folder); the e-mail and the mobile number are checked.
   * @summary Create a client
   */
  @Post('clients')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(409, 'A client of the office already uses this e-mail')
  @Response<Problem>(422, 'Invalid fields (invalid_phone, invalid_email, validation_failed)')
  @Security('bearer', ['clients:create'])
  @OperationId('clients.create')
  public async createClient(@Request() req: ExpressRequest, @Body() body: ClientFields): Promise<Client> {
    const client = await createClient(serviceContext(req), body);
    this.setStatus(201);
    this.setHeader('Location', `/v1/clients/${client.id}`);
    return client;
  }

  /**
   * One client of the office, with the contact details their sign-in codes are sent to.
   * @summary Retrieve a client
   */
  @Get('clients/{id}')
  @Response<Problem>(404, 'No such client in your office')
  @Security('bearer', ['clients:read'])
  @OperationId('clients.retrieve')
  public async getClient(@Request() req: ExpressRequest, @Path() id: string): Promise<Client> {
    return getClient(serviceContext(req), id);
  }

  /**
   * Changes some of a client's fields; a new e-mail or mobile is where the next sign-in code goes.
   * @summary Update a client
   */
  @Patch('clients/{id}')
  @Response<Problem>(404, 'No such client in your office')
  @Response<Problem>(409, 'Another client of the office uses this e-mail')
  @Security('bearer', ['clients:write'])
  @OperationId('clients.update')
  public async updateClient(@Request() req: ExpressRequest, @Path() id: string, @Body() body: ClientFieldsPatch): Promise<Client> {
    return updateClient(serviceContext(req), id, body);
  }

  /**
   * "Associer un client": an existing client (`clientId`) or a new one (`client`).
   *
   * The answer depends on `LeCoffre-Version`: since `2026-12-09` (the current version) it is the client
   * just added and its folder (`FolderClientLink`: `{ client, folder }`), so a caller knows which client
   * is new; pinned to `2026-12-02`, the folder alone (`Folder`, with its `ETag`), as it always was.
   * @summary Add a client to a folder
   */
  @Post('folders/{id}/clients')
  @Response<Problem>(404, 'No such folder or client')
  @Response<Problem>(409, 'Client already on the folder, or e-mail already used by another client')
  @Security('bearer', ['clients:write'])
  @Response<Problem>(422, 'Invalid body (field errors in `errors`)')
  @OperationId('folders.addClient')
  public async addFolderClient(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: AddFolderClientInput,
  ): Promise<FolderClientLink | Folder> {
    const link = await addFolderClient(serviceContext(req), id, body);
    if (answersSince(requestApiVersion(req), '2026-12-09')) return link;
    this.setHeader('ETag', etagOf(link.folder.version, link.folder));
    return link.folder;
  }

  /**
   * Removes a client from a folder (not from the office); refused once they sent files.
   * @summary Remove a client from a folder
   */
  @Delete('folders/{id}/clients/{clientId}')
  @SuccessResponse(204, 'Removed')
  @Response<Problem>(404, 'No such folder, or client not on it')
  @Response<Problem>(409, 'The client already sent files')
  @Security('bearer', ['clients:write'])
  @OperationId('folders.removeClient')
  public async removeFolderClient(@Request() req: ExpressRequest, @Path() id: string, @Path() clientId: string): Promise<void> {
    await removeFolderClient(serviceContext(req), id, clientId);
    this.setStatus(204);
  }
}
