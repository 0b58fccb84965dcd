import { Body, Controller, Get, Patch, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import {
  getNotificationSettings,
  type NotificationSettings,
  type NotificationSettingsPatch,
  updateNotificationSettings,
} from '../../services/notifications/settings.js';
import { serviceContext } from '../app-services.js';
import { identityDependencies } from '../authentication.js';
import type { Problem } from '../problem.js';

@Route('v1/office/notification-settings')
@Tags('Office')
@Response<Problem>(401, 'Missing, expired or revoked credentials')
@Response<Problem>(403, 'Clients and widget sessions cannot; changes need a notary or an API key')
export class NotificationSettingsController extends Controller {
  /** How clients are reminded of requested documents that have a due date. */
  @Get()
  @Security('bearer', ['notifications:read'])
  public async getNotificationSettings(@Request() req: ExpressRequest): Promise<NotificationSettings> {
    return getNotificationSettings(serviceContext(req));
  }

  @Patch()
  @Response<Problem>(422, 'A value out of range')
  @Security('bearer', ['notifications:write'])
  public async updateNotificationSettings(
    @Request() req: ExpressRequest,
    @Body() body: NotificationSettingsPatch,
  ): Promise<NotificationSettings> {
    return updateNotificationSettings(serviceContext(req), { clock: identityDependencies(req).clock }, body);
  }
}
