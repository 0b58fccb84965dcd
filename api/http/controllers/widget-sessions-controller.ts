import { Body, Controller, OperationId, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import {
  type CreateWidgetSessionInput,
  createWidgetSession,
  type WidgetSession,
} from '../../services/widget-sessions/create-widget-session.js';
import { serviceContext } from '../app-services.js';
import { identityDependencies } from '../authentication.js';
import type { Problem } from '../problem.js';
import { withServiceRateLimits } from '../rate-limit.js';

@Route('v1/widget-sessions')
@Tags('Widget sessions')
@Response<Problem>(401, 'Missing, expired or revoked API key')
@Response<Problem>(403, 'Only an API key mints widget sessions')
export class WidgetSessionsController extends Controller {
  /**
   * Mints a short-lived token (15 minutes by default, 60 at most) for the widgets a vendor embeds, acting
   * as one member or one client, and optionally bound to one folder (it then reaches nothing else). Call
   * it from your back end, with your API key, for each page that shows a widget.
   * @summary Mint a widget session
   */
  @Post()
  @SuccessResponse(201, 'Created')
  @Response<Problem>(404, 'No such member, client or folder in your office')
  @Response<Problem>(409, 'The member awaits approval')
  @Response<Problem>(422, 'Invalid body, or the person cannot see the folder')
  @Response<Problem>(429, 'Too many widget sessions minted with this key')
  @Security('bearer', ['widget_sessions:create'])
  @OperationId('widgetSessions.create')
  public async createWidgetSession(@Request() req: ExpressRequest, @Body() body: CreateWidgetSessionInput): Promise<WidgetSession> {
    const session = await withServiceRateLimits(req, () =>
      createWidgetSession(serviceContext(req), body, identityDependencies(req).clock.now()),
    );
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return session;
  }
}
