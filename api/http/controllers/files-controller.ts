import type { Request as ExpressRequest } from 'express';
import { Body, Controller, Get, Path, Post, Request, Response, Route, Security, Tags } from 'tsoa';
import { loadFile } from '../../services/files/load-file.js';
import { type RefuseFileInput, refuseFile, validateFile } from '../../services/files/review-file.js';
import { type DocumentFile, toDocumentFile } from '../../services/files/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';

@Route('v1/files')
@Tags('Files')
@Security('bearer')
@Response<Problem>(401, 'Missing or invalid credentials')
export class FilesController extends Controller {
  @Get('{id}')
  @Response<Problem>(404, 'No such file')
  public async getFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return toDocumentFile(await loadFile(serviceContext(req), id));
  }

  /** "Valider": the file is conform. Its request is validated unless another file still waits. */
  @Post('{id}/validate')
  @Response<Problem>(404, 'No such file')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  public async validateFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return validateFile(serviceContext(req), id);
  }

  /** "Refuser", with a reason for the client, who is told by e-mail and can send the document again. */
  @Post('{id}/refuse')
  @Response<Problem>(404, 'No such file')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  public async refuseFile(@Request() req: ExpressRequest, @Path() id: string, @Body() body: RefuseFileInput): Promise<DocumentFile> {
    return refuseFile(serviceContext(req), id, body);
  }
}
