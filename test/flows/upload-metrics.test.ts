import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import supertest from 'supertest';
import { prometheusMetrics } from '../../api/adapters/metrics/prometheus-metrics.js';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../api/config.js';
import { type Database, openDatabase } from '../../api/db/database.js';
import type { Metrics, ProcessMetrics } from '../../api/ports/metrics.js';
import { TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { testStorage } from '../support/storage.js';
import { createOffice, type TestOffice } from '../support/test-app.js';

// Uploads that end badly, counted: refused for their size, and cut off by the client mid-body (which no
// client sees an answer to, so the test waits on the upload's report to the metrics, not on a response).

const TOKEN = 'upload-metrics-token-0123456789abcdef0123456789';
const MAX_BYTES = 64 * 1024;

type UploadReport = Parameters<Metrics['upload']>[0];

let database: TestDatabase;
let db: Database;
let storage: Awaited<ReturnType<typeof testStorage>>;
let server: Server;
let port: number;
let request: ReturnType<typeof supertest>;
let office: TestOffice;
let requestId: string;
const reports: UploadReport[] = [];
const waiting: Array<() => void> = [];

/** The next upload report, as the app makes it. */
function nextReport(): Promise<UploadReport> {
  const seen = reports.length;
  return new Promise((resolve) => {
    const check = () => (reports.length > seen ? resolve(reports[seen]) : waiting.push(check));
    check();
  });
}

before(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.url);
  const config = loadConfig({
    NODE_ENV: 'test',
    LECOFFRE_DATA_DIR: '.tmp/test-data',
    LECOFFRE_MAX_UPLOAD_BYTES: String(MAX_BYTES),
    LECOFFRE_METRICS_TOKEN: TOKEN,
  });
  storage = await testStorage(config.documents.maxUploadBytes);
  const prometheus = prometheusMetrics();
  const metrics: ProcessMetrics = {
    ...prometheus,
    upload(report) {
      prometheus.upload(report);
      reports.push(report);
      for (const wake of waiting.splice(0)) wake();
    },
  };
  const app = createApp({ config, db, logger: pino({ level: 'silent' }), storage: storage.storage, metrics });
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  request = supertest(server);
  office = await createOffice(db, 'SELAS AP NOTAIRES');
  const folder = await request
    .post('/v1/folders')
    .set('Authorization', office.auth)
    .send({ number: 'M-1', title: 'Vente Mesurée', deedType: 'vente' })
    .expect(201);
  const client = await request
    .post(`/v1/folders/${folder.body.id}/clients`)
    .set('Authorization', office.auth)
    .send({ client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'claire.m1@example.fr' } })
    .expect(200);
  requestId = (
    await request
      .post(`/v1/folders/${folder.body.id}/document-requests`)
      .set('Authorization', office.auth)
      .send({ clientId: client.body.client.id, documents: [{ label: 'Titre de propriété' }] })
      .expect(201)
  ).body.data[0].id;
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await db.close();
  await database.drop();
  await storage.remove();
});

async function scrape(): Promise<string> {
  const res = await request.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  return res.text;
}

describe('upload metrics', () => {
  it('counts a file refused for its size as rejected, with its problem code and the bytes received', async () => {
    const tooLarge = Buffer.concat([TINY_PNG, Buffer.alloc(MAX_BYTES)]);
    const res = await request
      .post(`/v1/document-requests/${requestId}/files`)
      .set('Authorization', office.auth)
      .attach('file', tooLarge, { filename: 'plan.png' })
      .catch((error: { response?: supertest.Response }) => error.response);
    // The server may close the connection before the client has sent the rest: the answer, when read, is a 413.
    if (res) assert.equal(res.status, 413);
    const report = reports.at(-1) ?? (await nextReport());
    assert.deepEqual({ ...report, bytes: undefined }, { outcome: 'rejected', reason: 'file_too_large', bytes: undefined });
    assert.ok(report.bytes > MAX_BYTES, 'counted up to the refusal');
    assert.match(await scrape(), /^lecoffre_uploads_total\{outcome="rejected",reason="file_too_large"\} 1$/m);
  });

  it('counts an upload the client cuts off mid-body as aborted', async () => {
    const boundary = 'lecoffre-abort-test';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: image/png\r\n\r\n`;
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const reported = nextReport();
    socket.write(
      `POST /v1/document-requests/${requestId}/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${office.auth}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${MAX_BYTES}\r\n\r\n${head}`,
    );
    socket.write(TINY_PNG, () => socket.destroy());
    const report = await reported;
    // The client may be gone before the body is read (bytes 0) or halfway through it: aborted either way.
    assert.equal(report.outcome, 'aborted');
    assert.match(await scrape(), /^lecoffre_uploads_total\{outcome="aborted",reason=""\} 1$/m);
  });

  it('labels what no route matched as (unmatched), never with the path a caller chose', async () => {
    await request.get('/wp-admin/setup-config.php').expect(404);
    const text = await scrape();
    assert.match(text, /lecoffre_http_request_duration_seconds_count\{route="\(unmatched\)",method="GET",status_class="4xx"\} [1-9]/);
    assert.ok(!text.includes('wp-admin'));
    assert.match(text, /lecoffre_http_request_duration_seconds_count\{route="\/metrics",method="GET",status_class="2xx"\} [1-9]/);
  });
});
