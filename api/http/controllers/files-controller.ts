import type { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Deprecated,
  Get,
  OperationId,
  Path,
  Post,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { ACCEPTED_FILE_TYPES } from '../../services/documents/store-upload.js';
import { listExtraFiles } from '../../services/files/list-extra-files.js';
import { type RefuseFileInput, refuseFile, validateFile } from '../../services/files/review-file.js';
import type { DocumentFile } from '../../services/files/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';
import { retrieveDocument, streamDocument, uploadExtra, uploadForRequest } from './documents-controller.js';
import type { ExtraFileList } from './list-envelopes.js';

/**
 * The routes that named documents "files", kept until the next major version: same capability, same
 * answers, answered by documents-controller.ts's functions; each answer names its successor
 * (`Link: <…>; rel="successor-version"`) and the day it was deprecated (`Deprecation`).
 */
@Route('v1')
@Tags('Documents')
@Response<Problem>(401, 'Missing or invalid credentials')
export class FilesController extends Controller {
  /**
   * Deprecated alias of `GET /v1/documents/{id}` (same answer).
   * @summary Retrieve a document (deprecated path)
   */
  @Get('files/{id}')
  @Deprecated()
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @OperationId('files.retrieve')
  public async getFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return retrieveDocument(req, id);
  }

  /**
   * Deprecated alias of `POST /v1/documents/{id}/validate` (same answer).
   * @summary Validate a document (deprecated path)
   */
  @Post('files/{id}/validate')
  @Deprecated()
  @Response<Problem>(404, 'No such document')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('files.validate')
  public async validateFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return validateFile(serviceContext(req), id);
  }

  /**
   * Deprecated alias of `POST /v1/documents/{id}/refuse` (same body, same answer).
   * @summary Refuse a document (deprecated path)
   */
  @Post('files/{id}/refuse')
  @Deprecated()
  @Response<Problem>(404, 'No such document')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('files.refuse')
  public async refuseFile(@Request() req: ExpressRequest, @Path() id: string, @Body() body: RefuseFileInput): Promise<DocumentFile> {
    return refuseFile(serviceContext(req), id, body);
  }

  /**
   * Deprecated alias of `POST /v1/document-requests/{id}/documents` (same body, same answer).
   * @summary Upload documents for a document request (deprecated path)
   */
  @Post('document-requests/{id}/files')
  @Deprecated()
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such request')
  @Response<Problem>(409, 'The folder is archived or anchored')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, or checksum_mismatch: the bytes do not hash to the announced sha256')
  @Security('bearer', ['files:upload'])
  @OperationId('files.upload')
  public async uploadRequestFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    this.setStatus(201);
    return uploadForRequest(req, id);
  }

  /**
   * Deprecated alias of `POST /v1/folders/{id}/extra-documents` (same body, same answer).
   * @summary Upload extra documents to a folder (deprecated path)
   */
  @Post('folders/{id}/extra-files')
  @Deprecated()
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, checksum mismatch, or clientId missing')
  @Security('bearer', ['files:upload'])
  @OperationId('files.uploadExtra')
  public async uploadExtraFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    this.setStatus(201);
    return uploadExtra(req, id);
  }

  /**
   * Deprecated alias of `GET /v1/folders/{id}/extra-documents` (same answer).
   * @summary List a folder's extra documents (deprecated path)
   */
  @Get('folders/{id}/extra-files')
  @Deprecated()
  @OperationId('folders.extraFiles')
  @Response<Problem>(404, 'No such folder in your reach')
  @Security('bearer', ['files:read'])
  public async listExtraFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<ExtraFileList> {
    return { data: await listExtraFiles(serviceContext(req), id) };
  }

  /**
   * Deprecated alias of `GET /v1/documents/{id}/preview` (same answer).
   * @summary Preview a document (deprecated path)
   */
  @Get('files/{id}/preview')
  @Deprecated()
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('files.preview')
  public async previewFile(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return streamDocument(req, id, 'preview');
  }

  /**
   * Deprecated alias of `GET /v1/documents/{id}/download` (same answer).
   * @summary Download a validated document (deprecated path)
   */
  @Get('files/{id}/download')
  @Deprecated()
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(403, 'Not validated yet')
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('files.download')
  public async downloadFile(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return streamDocument(req, id, 'download');
  }
}
