import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  OperationId,
  Patch,
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
import {
  type BankDetailsInput,
  type BankDetailsPatch,
  createBankDetails,
  deleteBankDetails,
  getBankDetails,
  listBankDetails,
  updateBankDetails,
} from '../../services/office/bank-details.js';
import { getOffice } from '../../services/office/get-office.js';
import {
  listSharedDocuments,
  type ShareDocumentInput,
  type SharedDocument,
  shareBankDetails,
} from '../../services/office/shared-documents.js';
import { type OfficePatch, updateOffice } from '../../services/office/update-office.js';
import type { BankDetails, Office } from '../../services/office/views.js';
import { serviceContext } from '../app-services.js';
import { etagOf, parseIfMatch } from '../etag.js';
import type { Problem } from '../problem.js';

@Route('v1')
@Tags('Office')
@Response<Problem>(401, 'Missing or invalid credentials')
export class OfficeController extends Controller {
  /**
   * The caller's office: its name, CRPCEN (the notarial identifier) and address.
   * @summary Retrieve the office
   */
  @Get('office')
  @Security('bearer', ['office:read'])
  @OperationId('office.retrieve')
  public async getOffice(@Request() req: ExpressRequest): Promise<Office> {
    return getOffice(serviceContext(req));
  }

  /**
   * Changes the office's settings: its time zone, in which every time is shown to its members and clients
   * (pages, widgets, e-mails, reminders in office hours, certificates). Fields left out keep their value.
   * @summary Update the office
   */
  @Patch('office')
  @Response<Problem>(403, 'Only a notary of the office (or its API key) may')
  @Response<Problem>(422, 'An unknown time zone')
  @Security('bearer', ['office:write'])
  @OperationId('office.update')
  public async updateOffice(@Request() req: ExpressRequest, @Body() body: OfficePatch): Promise<Office> {
    return updateOffice(serviceContext(req), body);
  }

  /**
   * The office's RIBs ("un second RIB pour la gestion locative" is just another entry).
   * @summary List bank details
   */
  @Get('office/bank-details')
  @Security('bearer', ['bank_details:read'])
  @OperationId('office.bankDetails.list')
  public async listBankDetails(@Request() req: ExpressRequest): Promise<{ data: BankDetails[] }> {
    return { data: await listBankDetails(serviceContext(req)) };
  }

  /**
   * Adds a RIB (IBAN, BIC, holder) the office can share with the clients of a folder. The IBAN's check digits are verified.
   * @summary Add bank details
   */
  @Post('office/bank-details')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(403, 'Only a notary can change the office bank details')
  @Response<Problem>(422, 'Invalid IBAN (checksum) or BIC')
  @Security('bearer', ['bank_details:write'])
  @OperationId('office.bankDetails.create')
  public async createBankDetails(@Request() req: ExpressRequest, @Body() body: BankDetailsInput): Promise<BankDetails> {
    const created = await createBankDetails(serviceContext(req), body);
    this.setStatus(201);
    this.setHeader('ETag', etagOf(created.version, created));
    return created;
  }

  /**
   * One RIB of the office, with its `ETag` for a later conditional update.
   * @summary Retrieve bank details
   */
  @Get('office/bank-details/{id}')
  @Response<Problem>(404, 'No such bank details')
  @Security('bearer', ['bank_details:read'])
  @OperationId('office.bankDetails.retrieve')
  public async getBankDetails(@Request() req: ExpressRequest, @Path() id: string): Promise<BankDetails> {
    const found = await getBankDetails(serviceContext(req), id);
    this.setHeader('ETag', etagOf(found.version, found));
    return found;
  }

  /**
   * Changes some fields of a RIB. Send its `ETag` in `If-Match` to be told (412) instead of overwriting a colleague's edit.
   * @summary Update bank details
   */
  @Patch('office/bank-details/{id}')
  @Response<Problem>(404, 'No such bank details')
  @Response<Problem>(412, 'Changed since the ETag you sent')
  @Security('bearer', ['bank_details:write'])
  @OperationId('office.bankDetails.update')
  public async updateBankDetails(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: BankDetailsPatch,
    @Header('If-Match') ifMatch?: string,
  ): Promise<BankDetails> {
    const updated = await updateBankDetails(serviceContext(req), id, body, parseIfMatch(ifMatch));
    this.setHeader('ETag', etagOf(updated.version, updated));
    return updated;
  }

  /**
   * Retires bank details; what clients were already sent stays as it was.
   * @summary Delete bank details
   */
  @Delete('office/bank-details/{id}')
  @SuccessResponse(204, 'Deleted')
  @Response<Problem>(404, 'No such bank details in your office (`bank_details_not_found`)')
  @Security('bearer', ['bank_details:write'])
  @OperationId('office.bankDetails.delete')
  public async deleteBankDetails(@Request() req: ExpressRequest, @Path() id: string): Promise<void> {
    await deleteBankDetails(serviceContext(req), id);
    this.setStatus(204);
  }

  /**
   * "Transmettre le RIB de l'étude" to every client of the folder.
   * @summary Share a document with a folder's clients
   */
  @Post('folders/{id}/shared-documents')
  @SuccessResponse(201, 'Shared')
  @Response<Problem>(404, 'No such folder')
  @Response<Problem>(422, 'Unknown bank details')
  @Security('bearer', ['shared_documents:write'])
  @OperationId('folders.shareDocument')
  public async shareDocument(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Body() body: ShareDocumentInput,
  ): Promise<SharedDocument> {
    const shared = await shareBankDetails(serviceContext(req), id, body);
    this.setStatus(201);
    return shared;
  }

  /**
   * What the office shared with the folder's clients (clients read this on their page).
   * @summary List documents shared with a folder's clients
   */
  @Get('folders/{id}/shared-documents')
  @Response<Problem>(404, 'No such folder')
  @Security('bearer', ['shared_documents:read'])
  @OperationId('folders.sharedDocuments')
  public async listSharedDocuments(@Request() req: ExpressRequest, @Path() id: string): Promise<{ data: SharedDocument[] }> {
    return { data: await listSharedDocuments(serviceContext(req), id) };
  }
}
