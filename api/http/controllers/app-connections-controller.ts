import { Controller, Delete, Get, OperationId, Path, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { disconnectApp } from '../../services/apps/end-app-connection.js';
import { listAppConnections } from '../../services/apps/list-app-connections.js';
import { serviceContext } from '../app-services.js';
import { appAuthorizationServer } from '../oauth/app-bearer.js';
import type { Problem } from '../problem.js';
import type { AppConnectionList } from './list-envelopes.js';

@Route('v1/app-connections')
@Tags('Connected apps')
@Response<Problem>(401, 'Missing, expired or revoked credentials')
@Response<Problem>(403, 'Members of the office see connected apps; only a notary disconnects one')
export class AppConnectionsController extends Controller {
  /**
   * The vendors' apps connected to the office by OAuth 2.0: what each may do and when it last called the API.
   * @summary List connected apps
   */
  @Get()
  @OperationId('appConnections.list')
  @Security('bearer', ['apps:read'])
  public async listAppConnections(@Request() req: ExpressRequest): Promise<AppConnectionList> {
    return { data: await listAppConnections(serviceContext(req)) };
  }

  /**
   * "Déconnecter": the app's tokens for this office are refused from its next call, and its grant is revoked.
   * @summary Disconnect an app
   */
  @Delete('{id}')
  @OperationId('appConnections.disconnect')
  @SuccessResponse(204, 'Disconnected')
  @Response<Problem>(404, 'No such live connection in your office')
  @Security('bearer', ['apps:disconnect'])
  public async disconnectApp(@Request() req: ExpressRequest, @Path() id: string): Promise<void> {
    const { grantId } = await disconnectApp(serviceContext(req), id);
    await appAuthorizationServer(req)?.revokeGrant(grantId);
    this.setStatus(204);
  }
}
