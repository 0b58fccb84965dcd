import { Controller, Get, OperationId, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { describeMe, type Me } from '../../services/auth/describe-me.js';
import { serviceContext } from '../app-services.js';
import type { Problem } from '../problem.js';

@Route('v1/me')
@Tags('Identity')
export class MeController extends Controller {
  /**
   * Who the caller is — a member (ID.not session), a client, an API key or a widget session — and what
   * it may do. The one route a member awaiting approval may call: their `member.status` is `pending`
   * and `permissions` is empty.
   * @summary Retrieve the caller
   */
  @Get()
  @Response<Problem>(401, 'Missing, expired or revoked credentials')
  @Security('bearer', ['me:read'])
  @OperationId('me.retrieve')
  public async getMe(@Request() req: ExpressRequest): Promise<Me> {
    return describeMe(serviceContext(req));
  }
}
