import type { Readable } from 'node:stream';
import { Body, Controller, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { ACCEPTED_FILE_TYPES } from '../../services/documents/store-upload.js';
import { uploadFiles } from '../../services/documents/upload-files.js';
import { listExtraFiles } from '../../services/files/list-extra-files.js';
import { loadFile } from '../../services/files/load-file.js';
import { type FileUse, openFile } from '../../services/files/open-file.js';
import { type RefuseFileInput, refuseFile, validateFile } from '../../services/files/review-file.js';
import { type DocumentFile, toDocumentFile } from '../../services/files/views.js';
import { appServices, documentStorage, serviceContext } from '../app-services.js';
import { readMultipartFiles } from '../multipart.js';
import type { Problem } from '../problem.js';
import { sendFile } from '../send-file.js';
import { countedUpload } from '../upload-metrics.js';
import type { ExtraFileList } from './list-envelopes.js';

/**
 * What a client sends and the office reviews is a *document* everywhere: these routes, the SDK's
 * `documents.*`, the `document.*` events and audit actions. The `/v1/files/…` routes are deprecated
 * aliases of these (files-controller.ts), answered by the same functions below.
 */
@Route('v1')
@Tags('Documents')
@Response<Problem>(401, 'Missing or invalid credentials')
export class DocumentsController extends Controller {
  /**
   * A document's record: file name, detected type, size, SHA-256, review state and, once refused, the reason given to the client. The bytes are at `/preview` and `/download`.
   * @summary Retrieve a document
   */
  @Get('documents/{id}')
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @OperationId('documents.retrieve')
  public async retrieveDocument(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return retrieveDocument(req, id);
  }

  /**
   * "Valider": the document is conform. Its request is validated unless another document still waits.
   * @summary Validate a document
   */
  @Post('documents/{id}/validate')
  @Response<Problem>(404, 'No such document')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('documents.validate')
  public async validateDocument(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return validateFile(serviceContext(req), id);
  }

  /**
   * "Refuser", with a reason for the client, who is told by e-mail and can send the document again.
   * @summary Refuse a document
   */
  @Post('documents/{id}/refuse')
  @Response<Problem>(404, 'No such document')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('documents.refuse')
  public async refuseDocument(@Request() req: ExpressRequest, @Path() id: string, @Body() body: RefuseFileInput): Promise<DocumentFile> {
    return refuseFile(serviceContext(req), id, body);
  }

  /**
   * Sends documents for a request (multipart/form-data, streamed: any size up to the limit, 25 MB by default).
   * Each file goes in a part named `file`; a `sha256` field (hex SHA-256 computed before sending) placed
   * before a file part makes the server refuse the file unless the bytes it received hash the same.
   * jpg, png and pdf only, checked on the bytes, whatever the name says. All files of the request are
   * stored, or none.
   * @summary Upload documents for a document request
   */
  @Post('document-requests/{id}/documents')
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such request')
  @Response<Problem>(409, 'The folder is archived or anchored')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, or checksum_mismatch: the bytes do not hash to the announced sha256')
  @Security('bearer', ['files:upload'])
  @OperationId('documents.upload')
  public async uploadRequestDocuments(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    this.setStatus(201);
    return uploadForRequest(req, id);
  }

  /**
   * "Documents supplémentaires": documents the client sends without a request. Same body as a request's
   * documents; a member sending on a client's behalf adds a `clientId` field before the files.
   * @summary Upload extra documents to a folder
   */
  @Post('folders/{id}/extra-documents')
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, checksum mismatch, or clientId missing')
  @Security('bearer', ['files:upload'])
  @OperationId('documents.uploadExtra')
  public async uploadExtraDocuments(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    this.setStatus(201);
    return uploadExtra(req, id);
  }

  /**
   * "Documents supplémentaires": documents the folder's clients sent without a request, oldest first, to
   * preview and review (`POST /v1/documents/{id}/validate` or `/refuse`) like requested ones. A client sees its own.
   * @summary List a folder's extra documents
   */
  @Get('folders/{id}/extra-documents')
  @OperationId('folders.extraDocuments')
  @Response<Problem>(404, 'No such folder in your reach')
  @Security('bearer', ['files:read'])
  public async listExtraDocuments(@Request() req: ExpressRequest, @Path() id: string): Promise<ExtraFileList> {
    return { data: await listExtraFiles(serviceContext(req), id) };
  }

  /**
   * The document itself, to view in the browser, whatever its review state. Never cached.
   * @summary Preview a document
   */
  @Get('documents/{id}/preview')
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('documents.preview')
  public async previewDocument(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return streamDocument(req, id, 'preview');
  }

  /**
   * The document as an attachment; only once it is validated (403 `file_not_validated` before).
   * @summary Download a validated document
   */
  @Get('documents/{id}/download')
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(403, 'Not validated yet')
  @Response<Problem>(404, 'No such document')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('documents.download')
  public async downloadDocument(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return streamDocument(req, id, 'download');
  }
}

export async function retrieveDocument(req: ExpressRequest, id: string): Promise<DocumentFile> {
  return toDocumentFile(await loadFile(serviceContext(req), id));
}

export async function uploadForRequest(req: ExpressRequest, requestId: string): Promise<{ data: DocumentFile[] }> {
  const data = await countedUpload(req, appServices(req).metrics, () =>
    uploadFiles(serviceContext(req), documentStorage(req), () => ({ kind: 'request', requestId }), readMultipartFiles(req)),
  );
  return { data };
}

export async function uploadExtra(req: ExpressRequest, folderId: string): Promise<{ data: DocumentFile[] }> {
  const data = await countedUpload(req, appServices(req).metrics, () =>
    uploadFiles(
      serviceContext(req),
      documentStorage(req),
      (fields) => ({ kind: 'extra', folderId, clientId: fields.clientId }),
      readMultipartFiles(req),
    ),
  );
  return { data };
}

/**
 * Streams the file itself (a failure half-way aborts the answer rather than end it short), then returns
 * the spent stream: the return type is what tells tsoa, and so the contract, that the answer is binary.
 * tsoa's route sees the answer already sent and adds nothing.
 */
export async function streamDocument(req: ExpressRequest, id: string, use: FileUse): Promise<Readable> {
  const { file, stream } = await openFile(serviceContext(req), documentStorage(req), id, use);
  if (!req.res) throw new Error('no response to stream into');
  await sendFile(req.res, file, stream, use);
  return stream;
}
