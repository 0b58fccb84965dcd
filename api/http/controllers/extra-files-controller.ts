import { Controller, Get, OperationId, Path, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { listExtraFiles } from '../../services/files/list-extra-files.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';
import type { ExtraFileList } from './list-envelopes.js';

@Route('v1')
@Tags('Files')
@Response<Problem>(401, 'Missing or invalid credentials')
export class ExtraFilesController extends Controller {
  /**
   * "Documents supplémentaires": files the folder's clients sent without a request, oldest first, to preview
   * and review (`POST /v1/files/{id}/validate` or `/refuse`) like requested ones. A client sees its own.
   * @summary List a folder's extra files
   */
  @Get('folders/{id}/extra-files')
  @OperationId('folders.extraFiles')
  @Response<Problem>(404, 'No such folder in your reach')
  @Security('bearer', ['files:read'])
  public async listExtraFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<ExtraFileList> {
    return { data: await listExtraFiles(serviceContext(req), id) };
  }
}
