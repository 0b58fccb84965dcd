import { Controller, Get, OperationId, Path, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { ServiceContext } from '../../services/context.js';
import { eventsAfter, latestSeq, openFolderStream, seesFolder } from '../../services/live/live-events.js';
import { serviceContext } from '../app-services.js';
import { lastEventIdOf, streamEvents } from '../live/event-stream.js';
import { liveOf } from '../live/live-dependencies.js';
import type { Problem } from '../problem.js';

/**
 * Server-sent events: what changed, as it commits, so pages and widgets show uploads, reviews, completion
 * and anchoring without reloading. Each event is `id: <seq>` and `data: {"type","folderId","occurredAt"}`
 * (`type` is the webhook event type); read the resource through the API to see the change. The stream
 * starts with `event: ready` (reload your data then) and resumes after `Last-Event-ID`; `event: reset`
 * means more was missed than is replayed: reload everything. It ends after a few minutes: reconnect.
 */
@Route('v1')
@Tags('Live updates')
@Response<Problem>(401, 'Missing or invalid credentials')
export class LiveController extends Controller {
  /**
   * Changes of one folder, live (`text/event-stream`).
   * @param follow `false`: send the events after `lastEventId`, then end (for clients that poll)
   * @param lastEventId Where to resume when the `Last-Event-ID` header cannot be sent (a first connection)
   * @summary Follow a folder's changes
   */
  @Get('folders/{id}/live')
  @OperationId('folders.follow')
  @SuccessResponse(200, 'An event stream', 'text/event-stream')
  @Response<Problem>(404, 'No such folder in your reach')
  @Response<Problem>(422, 'Invalid Last-Event-ID')
  @Security('bearer', ['live:read'])
  public async followFolder(
    @Request() req: ExpressRequest,
    @Path() id: string,
    @Query() follow?: boolean,
    @Query() lastEventId?: string,
  ): Promise<string> {
    const ctx = serviceContext(req);
    const resumeAfter = lastEventIdOf(req, lastEventId);
    const folderId = await openFolderStream(ctx, id);
    await this.stream(req, ctx, resumeAfter, follow ?? true, {
      replay: (after) => eventsAfter(ctx, { folderId }, after),
      admits: async (event) => event.folderId === folderId && (await seesFolder(ctx, folderId)),
    });
    return '';
  }

  /**
   * Changes of every folder the caller may open (the folder list), live (`text/event-stream`).
   * @param follow `false`: send the events after `lastEventId`, then end (for clients that poll)
   * @param lastEventId Where to resume when the `Last-Event-ID` header cannot be sent (a first connection)
   * @summary Follow the office's changes
   */
  @Get('office/live')
  @OperationId('office.follow')
  @SuccessResponse(200, 'An event stream', 'text/event-stream')
  @Response<Problem>(422, 'Invalid Last-Event-ID')
  @Security('bearer', ['live:read'])
  public async followOffice(@Request() req: ExpressRequest, @Query() follow?: boolean, @Query() lastEventId?: string): Promise<string> {
    const ctx = serviceContext(req);
    const resumeAfter = lastEventIdOf(req, lastEventId);
    await this.stream(req, ctx, resumeAfter, follow ?? true, {
      replay: (after) => eventsAfter(ctx, { office: true }, after),
      admits: (event) => seesFolder(ctx, event.folderId),
    });
    return '';
  }

  private async stream(
    req: ExpressRequest,
    ctx: ServiceContext,
    resumeAfter: string | undefined,
    follow: boolean,
    scope: Pick<Parameters<typeof streamEvents>[2], 'replay' | 'admits'>,
  ): Promise<void> {
    if (!req.res) throw new Error('no response to stream into');
    const { hub, timing } = liveOf(req);
    await streamEvents(
      req,
      req.res,
      { hub, timing, officeId: ctx.actor.officeId, latestSeq: () => latestSeq(ctx), ...scope },
      resumeAfter,
      follow,
    );
  }
}
