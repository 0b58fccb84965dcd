import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { contentDisposition } from '../../services/documents/file-names.js';
import { ACCEPTED_FILE_TYPES } from '../../services/documents/store-upload.js';
import { openSharedFile, shareOfficeFile } from '../../services/office/share-office-file.js';
import type { SharedDocument } from '../../services/office/shared-documents.js';
import { documentStorage, serviceContext } from '../app-services.js';
import { readMultipartFiles } from '../multipart.js';
import type { Problem } from '../problem.js';

@Route('v1')
@Tags('Office')
@Response<Problem>(401, 'Missing or invalid credentials')
export class OfficeDocumentsController extends Controller {
  /**
   * "Transmettre un document": one of the office's own documents (pdf, jpg, png), sent to every client of the
   * folder as a frozen copy, with an e-mail. Multipart: an optional `label` field (what the client reads),
   * then one part named `file`.
   * @summary Send an office document to the folder's clients
   */
  @Post('folders/{id}/shared-files')
  @OperationId('folders.shareFile')
  @SuccessResponse(201, 'Sent')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(413, 'File too large')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'No file, more than one, or an empty file')
  @Security('bearer', ['shared_documents:write'])
  public async shareOfficeFile(@Request() req: ExpressRequest, @Path() id: string): Promise<SharedDocument> {
    const shared = await shareOfficeFile(serviceContext(req), documentStorage(req), id, readMultipartFiles(req));
    this.setStatus(201);
    return shared;
  }

  /**
   * A document the office sent (`kind: file`), as an attachment.
   * @summary Download a document the office sent
   */
  @Get('shared-documents/{id}/download')
  @OperationId('folders.downloadSharedDocument')
  @SuccessResponse(200, 'The document, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(404, 'No such shared document')
  @Security('bearer', ['shared_documents:read'])
  public async downloadSharedDocument(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    const file = await openSharedFile(serviceContext(req), documentStorage(req), id);
    const res = req.res;
    if (!res) throw new Error('no response to stream into');
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', contentDisposition('attachment', file.name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('X-Content-SHA256', file.sha256);
    await pipeline(file.stream, res);
    return file.stream;
  }
}
