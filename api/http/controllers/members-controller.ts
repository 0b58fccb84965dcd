import { Controller, Get, OperationId, Path, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { approveMember } from '../../services/members/approve-member.js';
import { listMembers } from '../../services/members/list-members.js';
import type { Member } from '../../services/members/views.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';
import type { MemberPage } from './list-envelopes.js';

@Route('v1/members')
@Tags('Members')
@Response<Problem>(401, 'Missing, expired or revoked credentials')
export class MembersController extends Controller {
  /**
   * The office's notaries and collaborators, newest first.
   * @param status `pending`: collaborators waiting for a notary's approval
   * @param limit Page size
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @summary List members
   */
  @Get()
  @Response<Problem>(403, 'Clients and pending members cannot list members')
  @Security('bearer', ['members:read'])
  @OperationId('members.list')
  public async listMembers(
    @Request() req: ExpressRequest,
    @Query() status?: 'pending' | 'active',
    @Query() limit?: number,
    @Query() cursor?: string,
  ): Promise<MemberPage> {
    return listMembers(serviceContext(req), { status, limit, cursor });
  }

  /**
   * A notary confirms that a collaborator belongs to the office ("C'est le notaire qui se charge de
   * vérifier mon identité"); the collaborator's next request works. Approving an active member is a no-op.
   * @summary Approve a collaborator
   */
  @Post('{id}/approve')
  @Response<Problem>(403, 'Only a notary of the office (or its API key) approves members')
  @Response<Problem>(404, 'No such member in your office')
  @Security('bearer', ['members:approve'])
  @OperationId('members.approve')
  public async approveMember(@Request() req: ExpressRequest, @Path() id: string): Promise<Member> {
    return approveMember(serviceContext(req), id);
  }
}
