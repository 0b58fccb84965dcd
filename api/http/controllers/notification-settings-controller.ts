import { Body, Controller, Get, OperationId, Patch, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
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
  /**
   * How clients are reminded of requested documents that have a due date.
   * @summary Retrieve notification settings
   */
  @Get()
  @Security('bearer', ['notifications:read'])
  @OperationId('office.notificationSettings.retrieve')
  public async getNotificationSettings(@Request() req: ExpressRequest): Promise<NotificationSettings> {
    return getNotificationSettings(serviceContext(req));
  }

  /**
   * Changes how and when clients are reminded of the documents they still have to send; the fields left out keep their value.
   * @summary Update notification settings
   */
  @Patch()
  @Response<Problem>(422, 'A value out of range')
  @Security('bearer', ['notifications:write'])
  @OperationId('office.notificationSettings.update')
  public async updateNotificationSettings(
    @Request() req: ExpressRequest,
    @Body() body: NotificationSettingsPatch,
  ): Promise<NotificationSettings> {
    return updateNotificationSettings(serviceContext(req), { clock: identityDependencies(req).clock }, body);
  }
}
