import {
  Body,
  Controller,
  Get,
  Header,
  OperationId,
  Patch,
  Path,
  Post,
  Put,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { archiveFolder } from '../../services/folders/archive-folder.js';
import { type CreateFolderInput, createFolder } from '../../services/folders/create-folder.js';
import { getFolder } from '../../services/folders/get-folder.js';
import { type AuditEvent, listFolderEvents } from '../../services/folders/list-folder-events.js';
import { type FolderSort, listFolders } from '../../services/folders/list-folders.js';
import { type SetFolderAccessInput, setFolderAccess } from '../../services/folders/set-folder-access.js';
import { type UpdateFolderInput, updateFolder } from '../../services/folders/update-folder.js';
import type { Folder } from '../../services/folders/views.js';
import { serviceContext } from '../app-services.js';
import { etagOf, parseIfMatch } from '../etag.js';
import type { Problem } from '../problem.js';
import type { FolderPage } from './list-envelopes.js';

@Route('v1/folders')
@Tags('Folders')
@Response<Problem>(401, 'Missing or invalid credentials')
export class FoldersController extends Controller {
  /**
   * The office's folders, newest first unless `sort` says otherwise; every filter narrows the list.
   * @param status `open` ("Dossiers en cours") or `archived` ("Dossiers archivés")
   * @param q Folder number, title or client name; case and accents do not matter
   * @param limit Page size
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @param needsAction Only folders with files waiting for review (the guide's clock symbol)
   * @param updatedSince Only folders changed at or after this instant (`updatedAt`), e.g. since your last sync
   * @param deedType Only folders of this deed type, by its stable `code` (`GET /v1/deed-types`), e.g. `succession`
   * @param clientId Only folders this client is on
   * @param sort `-createdAt` (newest first, the default) or `createdAt` (oldest first); `nextCursor` follows the order
   * @summary List folders
   */
  @Get()
  @Response<Problem>(422, 'Invalid query')
  @Security('bearer', ['folders:read'])
  @OperationId('folders.list')
  public async listFolders(
    @Request() req: ExpressRequest,
    @Query() status?: 'open' | 'archived',
    @Query() q?: string,
    @Query() limit?: number,
    @Query() cursor?: string,
    @Query() needsAction?: boolean,
    @Query() updatedSince?: Date,
    @Query() deedType?: string,
    @Query() clientId?: string,
    @Query() sort?: FolderSort,
  ): Promise<FolderPage> {
    return listFolders(serviceContext(req), { status, q, limit, cursor, needsAction, updatedSince, deedType, clientId, sort });
  }

  /**
   * "Créer un dossier": a deed type (by its stable `code`), a number unique in the office and a title. Answers with the folder and its `ETag`.
   * @summary Create a folder
   */
  @Post()
  @SuccessResponse(201, 'Created')
  @Response<Problem>(409, 'The folder number is already used in this office')
  @Response<Problem>(422, 'Invalid body (field errors in `errors`)')
  @Security('bearer', ['folders:create'])
  @OperationId('folders.create')
  public async createFolder(@Request() req: ExpressRequest, @Body() body: CreateFolderInput): Promise<Folder> {
    const folder = await createFolder(serviceContext(req), body);
    this.setStatus(201);
    this.setHeader('Location', `/v1/folders/${folder.id}`);
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * The folder with its clients, completion and anchoring state. Its `ETag` (`"v<version>-<hash>"`) changes with every byte of the answer, completion and anchoring included; send it in `If-None-Match` to be told 304 while nothing changed.
   * @summary Retrieve a folder
   */
  @Get('{id}')
  @Response<Problem>(404, 'No such folder in your office')
  @Security('bearer', ['folders:read'])
  @OperationId('folders.retrieve')
  public async getFolder(@Request() req: ExpressRequest, @Path() id: string): Promise<Folder> {
    const folder = await getFolder(serviceContext(req), id);
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * Changes some fields. Send the folder's `ETag` (or `"v<version>"`) in `If-Match` to be told (412)
   * instead of overwriting a colleague's edit made in the meantime. Only the version part is compared:
   * completion or anchoring moving since you read the folder is not an edit and does not refuse yours.
   * @summary Update a folder
   */
  @Patch('{id}')
  @Response<Problem>(404, 'No such folder in your office')
  @Response<Problem>(409, 'The folder number is already used in this office')
  @Response<Problem>(412, 'The folder changed since the ETag you sent')
  @Response<Problem>(422, 'Invalid body')
  @Security('bearer', ['folders:write'])
  @OperationId('folders.update')
  public async updateFolder(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: UpdateFolderInput,
    @Header('If-Match') ifMatch?: string,
  ): Promise<Folder> {
    const folder = await updateFolder(serviceContext(req), id, body, parseIfMatch(ifMatch));
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * "Modifier les collaborateurs": the whole office, or listed members only. Replaces the list.
   * @summary Set who may see a folder
   */
  @Put('{id}/members')
  @Response<Problem>(404, 'No such folder in your office')
  @Response<Problem>(422, 'Unknown member ids')
  @Security('bearer', ['folders:write'])
  @OperationId('folders.setAccess')
  public async setFolderAccess(@Request() req: ExpressRequest, @Path() id: string, @Body() body: SetFolderAccessInput): Promise<Folder> {
    const folder = await setFolderAccess(serviceContext(req), id, body);
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * "Archiver le dossier", whether or not every document is validated.
   * @summary Archive a folder
   */
  @Post('{id}/archive')
  @Response<Problem>(404, 'No such folder in your office')
  @Response<Problem>(409, 'Already archived')
  @Security('bearer', ['folders:write'])
  @OperationId('folders.archive')
  public async archiveFolder(@Request() req: ExpressRequest, @Path() id: string): Promise<Folder> {
    const folder = await archiveFolder(serviceContext(req), id);
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * The folder's audit trail, oldest first: every change, who made it, from which key or address.
   * @summary List a folder's audit trail
   */
  @Get('{id}/events')
  @Response<Problem>(404, 'No such folder in your office')
  @Security('bearer', ['folders:audit'])
  @OperationId('folders.events')
  public async listFolderEvents(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: AuditEvent[] }> {
    return { data: await listFolderEvents(serviceContext(req), id) };
  }
}
