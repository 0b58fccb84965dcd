import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { getProofBundle } from '../../services/anchoring/get-proof-bundle.js';
import { requestFolderAnchoring } from '../../services/anchoring/request-folder-anchoring.js';
import { contentDisposition } from '../../services/documents/file-names.js';
import type { Folder } from '../../services/folders/views.js';
import { documentStorage, serviceContext } from '../app-services.js';
import { etagOf } from '../etag.js';
import type { Problem } from '../problem.js';

@Route('v1/folders')
@Tags('Anchoring')
@Response<Problem>(401, 'Missing or invalid credentials')
export class AnchoringController extends Controller {
  /**
   * "Valider et ancrer": at 100% only, once. The folder is frozen at once (no request, upload or review
   * any more) and anchored with the next batch, within minutes: watch `anchor.status` or the
   * `folder.anchored` webhook.
   * @summary Anchor a folder
   */
  @Post('{id}/anchor')
  @SuccessResponse(202, 'Anchoring started')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(409, 'Not at 100% (folder_not_complete), archived, or already anchored')
  @Security('bearer', ['anchoring:write'])
  @OperationId('folders.anchor')
  public async anchorFolder(@Request() req: ExpressRequest, @Path() id: string): Promise<Folder> {
    const folder = await requestFolderAnchoring(serviceContext(req), id);
    this.setStatus(202);
    this.setHeader('ETag', etagOf(folder.version, folder));
    return folder;
  }

  /**
   * The proof bundle (ZIP): "Certificat de dépôt.pdf", certificate.json (every file's SHA-256 and Merkle
   * path, the batch path, the anchor), the audit trail and the client's documents. Verify it with
   * `npx lecoffre verify bundle.zip` or the SDK's `verifyProofBundle`. Same folder, same bytes.
   * @summary Download a folder's proof bundle
   */
  @Get('{id}/proof')
  @SuccessResponse(200, 'The proof bundle', 'application/zip')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(409, 'Not anchored yet (folder_not_anchored)')
  @Security('bearer', ['proofs:read'])
  @OperationId('folders.proof')
  public async getProof(@Request() req: ExpressRequest, @Path() id: string): Promise<Readable> {
    const bundle = await getProofBundle(serviceContext(req), documentStorage(req), id);
    const res = req.res;
    if (!res) throw new Error('no response to stream into');
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition('attachment', bundle.fileName));
    res.setHeader('Cache-Control', 'no-store');
    const stream = bundle.stream();
    await pipeline(stream, res);
    // The spent stream, as files-controller.ts returns its own: the return type makes the answer binary in the contract.
    return stream;
  }
}
