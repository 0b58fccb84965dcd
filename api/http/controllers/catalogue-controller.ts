import { Body, Controller, Get, OperationId, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { type CreateDocumentTypeInput, createDocumentType } from '../../services/catalogue/create-document-type.js';
import { listDeedTypes } from '../../services/catalogue/list-deed-types.js';
import { listDocumentTypes } from '../../services/catalogue/list-document-types.js';
import type { DocumentType } from '../../services/catalogue/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';
import type { DeedTypeList, DocumentTypeList } from './list-envelopes.js';

@Route('v1')
@Tags('Catalogue')
@Response<Problem>(401, 'Missing or invalid credentials')
export class CatalogueController extends Controller {
  /**
   * The kinds of deed ("Vente", "Succession"…) with the documents each usually needs.
   * @summary List deed types
   */
  @Get('deed-types')
  @Security('bearer', ['catalogue:read'])
  @OperationId('catalogue.deedTypes.list')
  public async listDeedTypes(@Request() req: ExpressRequest): Promise<DeedTypeList> {
    return { data: await listDeedTypes(serviceContext(req)) };
  }

  /**
   * The document catalogue: LeCoffre's list plus the office's own types.
   * @summary List document types
   */
  @Get('document-types')
  @Security('bearer', ['catalogue:read'])
  @OperationId('catalogue.documentTypes.list')
  public async listDocumentTypes(@Request() req: ExpressRequest): Promise<DocumentTypeList> {
    return { data: await listDocumentTypes(serviceContext(req)) };
  }

  /**
   * "Créer un document": a document type of the office's own.
   * @summary Create a document type
   */
  @Post('document-types')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(409, 'A type with this label already exists (case and accents ignored)')
  @Response<Problem>(422, 'Invalid body')
  @Security('bearer', ['catalogue:write'])
  @OperationId('catalogue.documentTypes.create')
  public async createDocumentType(@Request() req: ExpressRequest, @Body() body: CreateDocumentTypeInput): Promise<DocumentType> {
    const created = await createDocumentType(serviceContext(req), body);
    this.setStatus(201);
    return created;
  }
}
