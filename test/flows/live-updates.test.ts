import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { pino } from 'pino';
import { QueryTypes } from 'sequelize';
import { createApp } from '../../api/app.js';
import { type Database, openDatabase } from '../../api/db/database.js';
import { closeLiveStreams, type LiveDependencies } from '../../api/http/live/live-dependencies.js';
import { EventStreamReader, typeOf } from '../support/event-stream-reader.js';
import { openFolderWithClient } from '../support/folder-flow.js';
import { createMemberSession, createTestApp, mintWidgetToken, type TestApp } from '../support/test-app.js';

// Two API processes on one database (two apps, each with its own pool and its own LISTEN): a change
// written through one reaches the streams held by the other, as it would behind a load balancer.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let t: TestApp;
let dbB: Database;
let appB: Express;
const servers: Server[] = [];
let urlA: string;
let urlB: string;
const readers: EventStreamReader[] = [];

async function serve(app: Express): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function open(url: string, auth: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const reader = await EventStreamReader.open(url, { authorization: auth, ...headers });
  readers.push(reader);
  return reader;
}

before(async () => {
  t = await createTestApp();
  dbB = openDatabase(t.databaseUrl);
  appB = createApp({ config: t.config, db: dbB, logger: pino({ level: 'silent' }), storage: t.storage, webhookSealer: t.webhookSealer });
  urlA = await serve(t.app);
  urlB = await serve(appB);
});
after(async () => {
  for (const reader of readers) reader.close();
  await closeLiveStreams(t.app);
  await closeLiveStreams(appB);
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await dbB.close();
  await t.close();
});

async function requestDocument(folderId: string, clientId: string): Promise<string> {
  const res = await t.request
    .post(`/v1/folders/${folderId}/document-requests`)
    .set('Authorization', t.office.auth)
    .send({ clientId, documents: [{ label: "Pièce d'identité" }] })
    .expect(201);
  return res.body.data[0].id as string;
}

const upload = (requestId: string) =>
  t.request
    .post(`/v1/document-requests/${requestId}/files`)
    .set('Authorization', t.office.auth)
    .attach('file', PDF, { filename: 'cni.pdf' })
    .expect(201);

describe('live updates (server-sent events fed by the outbox)', () => {
  it('tells a stream held by another process of an upload, at once', async () => {
    const notary = await createMemberSession(t.db, t.office.id);
    const { folderId, clientId } = await openFolderWithClient(t, 'LIVE-1');
    const requestId = await requestDocument(folderId, clientId);
    const stream = await open(`${urlB}/v1/folders/${folderId}/live`, notary.auth);
    assert.equal(stream.status, 200);
    await stream.next('ready', (e) => e.event === 'ready');
    await upload(requestId);
    // Within a second of the commit (scaled to the machine's load), on the other process.
    const event = await stream.next('document.uploaded', (e) => e.event === 'message' && typeOf(e) === 'document.uploaded', 1_000);
    const data = JSON.parse(event.data);
    assert.equal(data.folderId, folderId);
    assert.match(event.id ?? '', /^\d+$/);
    assert.deepEqual(Object.keys(data).sort(), ['folderId', 'occurredAt', 'type'], 'the event names the change, never the resource');
  });

  it('tells of a withdrawn request, before the completion it brings', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'LIVE-CANCEL');
    const kept = await requestDocument(folderId, clientId);
    const withdrawn = await requestDocument(folderId, clientId);
    const fileId = (await upload(kept)).body.data[0].id as string;
    await t.request.post(`/v1/files/${fileId}/validate`).set('Authorization', t.office.auth).expect(200);
    const stream = await open(`${urlB}/v1/folders/${folderId}/live`, t.office.auth);
    await stream.next('ready', (e) => e.event === 'ready');

    await t.request.delete(`/v1/document-requests/${withdrawn}`).set('Authorization', t.office.auth).expect(204);
    await stream.next('document.request_cancelled', (e) => e.event === 'message' && typeOf(e) === 'document.request_cancelled', 1_000);
    // The withdrawn request was the last one not validated: the folder is complete, and says so after.
    await stream.next('folder.completed', (e) => e.event === 'message' && typeOf(e) === 'folder.completed', 1_000);
    const [event] = await t.db.sequelize.query<{ payload: { id: string; status: string } }>(
      `SELECT payload FROM outbox_events WHERE folder_id = :folderId AND type = 'document.request_cancelled'`,
      { replacements: { folderId }, type: QueryTypes.SELECT },
    );
    assert.equal(event?.payload.id, withdrawn, 'webhooks receive the request withdrawn');
  });

  it('resumes after Last-Event-ID with what was missed, then goes on live', async () => {
    const { folderId, clientId } = await openFolderWithClient(t, 'LIVE-2');
    const requestId = await requestDocument(folderId, clientId);
    const first = await open(`${urlA}/v1/folders/${folderId}/live`, t.office.auth);
    const ready = await first.next('ready', (e) => e.event === 'ready');
    first.close();
    const fileId = (await upload(requestId)).body.data[0].id as string;
    await t.request.post(`/v1/files/${fileId}/validate`).set('Authorization', t.office.auth).expect(200);

    const resumed = await open(`${urlB}/v1/folders/${folderId}/live`, t.office.auth, { 'last-event-id': ready.id as string });
    const missed = [];
    for (;;) {
      const event = await resumed.next('the replay');
      if (event.event === 'ready') break;
      missed.push(typeOf(event));
    }
    assert.ok(missed.includes('document.uploaded') && missed.includes('document.validated'), `replayed: ${missed.join(', ')}`);
    assert.ok(missed.indexOf('document.uploaded') < missed.indexOf('document.validated'), 'in the order they happened');

    // `follow=false` answers the same replay and ends (clients that poll).
    const polled = await fetch(`${urlA}/v1/folders/${folderId}/live?follow=false&lastEventId=${ready.id}`, {
      headers: { authorization: t.office.auth },
    });
    const text = await polled.text();
    assert.match(text, /document\.validated/);
    assert.match(text, /event: ready/);
  });

  it('opens only on a folder the caller may read, and tells each caller only of folders it sees', async () => {
    const { folderId: open1, clientId } = await openFolderWithClient(t, 'LIVE-3');
    const { folderId: hidden, clientId: hiddenClient } = await openFolderWithClient(t, 'LIVE-4');
    const collaborator = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    await t.request
      .put(`/v1/folders/${hidden}/members`)
      .set('Authorization', t.office.auth)
      .send({ access: 'members', memberIds: [] })
      .expect(200);

    // Another office, a collaborator not listed: "not found", exactly like reading the folder.
    const foreign = await open(`${urlA}/v1/folders/${open1}/live`, t.otherOffice.auth);
    assert.equal(foreign.status, 404);
    assert.equal(JSON.parse(foreign.body).code, 'folder_not_found');
    const notListed = await open(`${urlA}/v1/folders/${hidden}/live`, collaborator.auth);
    assert.equal(notListed.status, 404);
    const anonymous = await EventStreamReader.open(`${urlA}/v1/folders/${open1}/live`);
    assert.equal(anonymous.status, 401);
    const badId = await open(`${urlA}/v1/folders/${open1}/live`, t.office.auth, { 'last-event-id': 'abc' });
    assert.equal(badId.status, 422);

    // A client's widget session follows its own folder only.
    const widget = await mintWidgetToken(t.request, t.office.auth, { clientId, folderId: open1, components: ['upload'] });
    const clientStream = await open(`${urlB}/v1/folders/${open1}/live`, `Bearer ${widget}`);
    assert.equal(clientStream.status, 200);
    assert.equal((await open(`${urlB}/v1/folders/${hidden}/live`, `Bearer ${widget}`)).status, 404);

    // The office stream: the collaborator hears of the office-wide folder, never of the hidden one.
    const office = await open(`${urlB}/v1/office/live`, collaborator.auth);
    await office.next('ready', (e) => e.event === 'ready');
    await clientStream.next('ready', (e) => e.event === 'ready');
    await upload(await requestDocument(hidden, hiddenClient));
    await upload(await requestDocument(open1, clientId));
    const seen = await office.next('the visible upload', (e) => e.event === 'message' && typeOf(e) === 'document.uploaded');
    assert.equal(JSON.parse(seen.data).folderId, open1);
    assert.ok(
      office.events.every((e) => e.event !== 'message' || JSON.parse(e.data).folderId !== hidden),
      'nothing of the hidden folder reached the collaborator',
    );
    await clientStream.next('the upload on its folder', (e) => e.event === 'message' && typeOf(e) === 'document.uploaded');
  });

  it('beats while idle, and ends every stream when the process stops', async () => {
    const live = appB.locals.live as LiveDependencies;
    const before = live.timing.heartbeatMs;
    live.timing.heartbeatMs = 20;
    try {
      const stream = await open(`${urlB}/v1/office/live`, t.office.auth);
      await stream.next('ready', (e) => e.event === 'ready');
      const deadline = Date.now() + 5_000;
      while (stream.comments.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.ok(stream.comments.includes('heartbeat'));
      await closeLiveStreams(appB);
      await stream.closedByServer();
      const refused = await open(`${urlB}/v1/office/live`, t.office.auth);
      assert.equal(refused.status, 503);
      assert.equal(JSON.parse(refused.body).code, 'server_shutting_down');
    } finally {
      live.timing.heartbeatMs = before;
    }
  });
});
