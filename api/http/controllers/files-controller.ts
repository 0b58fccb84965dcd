import type { Readable } from 'node:stream';
import { Body, Controller, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { ACCEPTED_FILE_TYPES } from '../../services/documents/store-upload.js';
import { uploadFiles } from '../../services/documents/upload-files.js';
import { loadFile } from '../../services/files/load-file.js';
import { type FileUse, openFile } from '../../services/files/open-file.js';
import { type RefuseFileInput, refuseFile, validateFile } from '../../services/files/review-file.js';
import { type DocumentFile, toDocumentFile } from '../../services/files/views.js';
import { appServices, documentStorage, serviceContext } from '../app-services.js';
import { readMultipartFiles } from '../multipart.js';
import type { Problem } from '../problem.js';
import { sendFile } from '../send-file.js';
import { countedUpload } from '../upload-metrics.js';

@Route('v1')
@Tags('Files')
@Response<Problem>(401, 'Missing or invalid credentials')
export class FilesController extends Controller {
  /**
   * A file's record: name, detected type, size, SHA-256, review state and, once refused, the reason given to the client. The bytes are at `/preview` and `/download`.
   * @summary Retrieve a file
   */
  @Get('files/{id}')
  @Response<Problem>(404, 'No such file')
  @Security('bearer', ['files:read'])
  @OperationId('files.retrieve')
  public async getFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return toDocumentFile(await loadFile(serviceContext(req), id));
  }

  /**
   * "Valider": the file is conform. Its request is validated unless another file still waits.
   * @summary Validate a file
   */
  @Post('files/{id}/validate')
  @Response<Problem>(404, 'No such file')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('files.validate')
  public async validateFile(@Request() req: ExpressRequest, @Path() id: string): Promise<DocumentFile> {
    return validateFile(serviceContext(req), id);
  }

  /**
   * "Refuser", with a reason for the client, who is told by e-mail and can send the document again.
   * @summary Refuse a file
   */
  @Post('files/{id}/refuse')
  @Response<Problem>(404, 'No such file')
  @Response<Problem>(409, 'Already reviewed, request cancelled, or folder archived')
  @Security('bearer', ['files:review'])
  @OperationId('files.refuse')
  public async refuseFile(@Request() req: ExpressRequest, @Path() id: string, @Body() body: RefuseFileInput): Promise<DocumentFile> {
    return refuseFile(serviceContext(req), id, body);
  }

  /**
   * Sends files for a request (multipart/form-data, streamed: any size up to the limit, 25 MB by default).
   * Each file goes in a part named `file`; a `sha256` field (hex SHA-256 computed before sending) placed
   * before a file part makes the server refuse the file unless the bytes it received hash the same.
   * jpg, png and pdf only, checked on the bytes, whatever the name says. All files of the request are
   * stored, or none.
   * @summary Upload files for a document request
   */
  @Post('document-requests/{id}/files')
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such request')
  @Response<Problem>(409, 'The folder is archived or anchored')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, or checksum_mismatch: the bytes do not hash to the announced sha256')
  @Security('bearer', ['files:upload'])
  @OperationId('files.upload')
  public async uploadRequestFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    const data = await countedUpload(req, appServices(req).metrics, () =>
      uploadFiles(serviceContext(req), documentStorage(req), () => ({ kind: 'request', requestId: id }), readMultipartFiles(req)),
    );
    this.setStatus(201);
    return { data };
  }

  /**
   * "Documents supplémentaires": files the client sends without a request. Same body as a request's
   * files; a member sending on a client's behalf adds a `clientId` field before the files.
   * @summary Upload extra files to a folder
   */
  @Post('folders/{id}/extra-files')
  @SuccessResponse(201, 'Stored')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(413, 'File too large, or too many files')
  @Response<Problem>(415, 'Not a jpg, png or pdf (checked on the bytes)')
  @Response<Problem>(422, 'Empty file, checksum mismatch, or clientId missing')
  @Security('bearer', ['files:upload'])
  @OperationId('files.uploadExtra')
  public async uploadExtraFiles(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: DocumentFile[] }> {
    const data = await countedUpload(req, appServices(req).metrics, () =>
      uploadFiles(
        serviceContext(req),
        documentStorage(req),
        (fields) => ({ kind: 'extra', folderId: id, clientId: fields.clientId }),
        readMultipartFiles(req),
      ),
    );
    this.setStatus(201);
    return { data };
  }

  /**
   * The file itself, to view in the browser, whatever its review state. Never cached.
   * @summary Preview a file
   */
  @Get('files/{id}/preview')
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(404, 'No such file')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('files.preview')
  public async previewFile(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return this.stream(req, id, 'preview');
  }

  /**
   * The file as an attachment; only once it is validated (403 `file_not_validated` before).
   * @summary Download a validated file
   */
  @Get('files/{id}/download')
  @SuccessResponse(200, 'The file, in the type it was stored as', ACCEPTED_FILE_TYPES)
  @Response<Problem>(403, 'Not validated yet')
  @Response<Problem>(404, 'No such file')
  @Security('bearer', ['files:read'])
  @Response<Problem>(500, 'The stored file failed its integrity check (`integrity_error`); nothing was sent')
  @OperationId('files.download')
  public async downloadFile(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    return this.stream(req, id, 'download');
  }

  /**
   * Streams the file itself (a failure half-way aborts the answer rather than end it short), then returns
   * the spent stream: the return type is what tells tsoa, and so the contract, that the answer is binary.
   * tsoa's route sees the answer already sent and adds nothing.
   */
  private async stream(req: ExpressRequest, id: string, use: FileUse): Promise<Readable> {
    const { file, stream } = await openFile(serviceContext(req), documentStorage(req), id, use);
    if (!req.res) throw new Error('no response to stream into');
    await sendFile(req.res, file, stream, use);
    return stream;
  }
}
