import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { prometheusMetrics } from '../../api/adapters/metrics/prometheus-metrics.js';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../api/config.js';
import { openDatabase } from '../../api/db/database.js';
import { TINY_PNG } from '../../api/services/documents/sample-files.test-support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type ProductProcess, startProduct } from '../support/product-process.js';

// `npm start` as production runs it, watched: Prometheus metrics on a private port and on the public one
// behind a token, traces exported over OTLP/HTTP to a collector double on loopback (it speaks the real
// wire protocol: JSON posted to /v1/traces), and the access log of each request carrying its trace id.

const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';

/** OTLP/HTTP JSON as the exporter sends it (the fields this test reads). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: { stringValue?: string; intValue?: number | string } }>;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpSpan['attributes'] };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

/** The collector double: keeps every span posted to /v1/traces and the service name that sent it. */
class CollectorDouble {
  readonly spans: OtlpSpan[] = [];
  readonly serviceNames = new Set<string>();
  private waiters: Array<() => void> = [];
  readonly server: Server = createServer((req, res) => void this.receive(req, res));

  private async receive(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/traces') {
      res.writeHead(404).end();
      return;
    }
    assert.match(req.headers['content-type'] ?? '', /application\/json/, 'exporter-trace-otlp-http posts JSON');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
    for (const resourceSpans of body.resourceSpans) {
      const name = resourceSpans.resource.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
      if (name) this.serviceNames.add(name);
      for (const scope of resourceSpans.scopeSpans) this.spans.push(...scope.spans);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once the spans received satisfy `ready` (checked on each export, never on a timer). */
  async until<T>(ready: (spans: OtlpSpan[]) => T | undefined): Promise<T> {
    for (;;) {
      const found = ready(this.spans);
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? String(value.intValue) : undefined);
};

/** A webhook receiver on loopback answering `status`; `nth(n)` resolves once its n-th message has arrived. */
function webhookReceiver(status: number): { server: Server; nth(n: number): Promise<void> } {
  let count = 0;
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status).end();
      count++;
      for (const w of waiting.filter((w) => w.n <= count)) w.resolve();
    });
  });
  return {
    server,
    nth: (n) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ n, resolve }))),
  };
}

async function listenLoopback(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One sample's value from the text exposition format, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const collector = new CollectorDouble();
const good = webhookReceiver(204);
const failing = webhookReceiver(503);
let database: TestDatabase;
let dataDir: string;
let product: ProductProcess;
let child: ChildProcess | undefined;
let metricsUrl: string;
let apiKey: string;

before(async () => {
  const collectorUrl = await listenLoopback(collector.server);
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-observability-'));
  product = await startProduct(dataDir, {
    DATABASE_URL: database.url,
    LECOFFRE_LOG_LEVEL: 'info',
    LECOFFRE_METRICS_PORT: '0',
    LECOFFRE_METRICS_TOKEN: TOKEN,
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    // Export every span as it ends: the test waits on the collector, never on the batch timer.
    OTEL_BSP_SCHEDULE_DELAY: '50',
  });
  child = product.child;
  const banner = /Metrics {8}(http:\/\/\S+\/metrics)/.exec(product.output());
  assert.ok(banner, `the start banner names the metrics port:\n${product.output()}`);
  metricsUrl = banner[1];
  apiKey = (await readFile(path.join(dataDir, 'dev-api-key'), 'utf8')).trim();
});

after(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  for (const server of [collector.server, good.server, failing.server]) server.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function api(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${product.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return JSON.parse(text) as T;
}

function uploadForm(bytes: Buffer, name: string, type: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

describe('Prometheus metrics of a running product', () => {
  it('counts real requests per route template, uploads by outcome, webhook deliveries, and samples queues', async () => {
    for (const receiver of [good, failing]) {
      await json(await api('POST', '/v1/webhook-endpoints', { url: `${await listenLoopback(receiver.server)}/hooks` }), 201);
    }
    const folder = await json<{ id: string }>(
      await api('POST', '/v1/folders', { number: 'OBS-1', title: 'Succession Observée', deedType: 'succession' }),
      201,
    );
    const withClient = await json<{ client: { id: string } }>(
      await api('POST', `/v1/folders/${folder.id}/clients`, {
        client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'claire.obs@example.fr' },
      }),
      200,
    );
    const requests = await json<{ data: Array<{ id: string }> }>(
      await api('POST', `/v1/folders/${folder.id}/document-requests`, {
        clientId: withClient.client.id,
        documents: [{ label: "Pièce d'identité" }],
      }),
      201,
    );
    const filesRoute = `/v1/document-requests/${requests.data[0].id}/files`;
    const upload = (form: FormData) =>
      fetch(`${product.baseUrl}${filesRoute}`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body: form });
    await json(await upload(uploadForm(TINY_PNG, 'recto.png', 'image/png')), 201);
    const refused = await json<{ code: string }>(await upload(uploadForm(Buffer.from('pas une image'), 'faux.png', 'image/png')), 415);
    assert.equal(refused.code, 'unsupported_file_type');
    // Every event here is of one folder, so one lane per endpoint, delivered in order: the 2nd message to
    // arrive means the 1st was recorded as delivered. The 503 receiver's 2nd message is the retry (5 s on).
    await Promise.all([good.nth(2), failing.nth(2)]);

    const scraped = await fetch(metricsUrl);
    assert.equal(scraped.status, 200);
    assert.match(scraped.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();

    const histogram = 'lecoffre_http_request_duration_seconds_count';
    assert.equal(sample(text, `${histogram}{route="/v1/document-requests/:id/files",method="POST",status_class="2xx"}`), 1);
    assert.equal(sample(text, `${histogram}{route="/v1/document-requests/:id/files",method="POST",status_class="4xx"}`), 1);
    assert.equal(sample(text, `${histogram}{route="/v1/folders",method="POST",status_class="2xx"}`), 1);
    assert.equal(sample(text, `${histogram}{route="/v1/folders/:id/clients",method="POST",status_class="2xx"}`), 1);
    for (const id of [folder.id, requests.data[0].id]) assert.ok(!text.includes(id), `no raw id in a label (${id})`);

    assert.equal(sample(text, 'lecoffre_uploads_total{outcome="accepted",reason=""}'), 1);
    assert.equal(sample(text, 'lecoffre_uploads_total{outcome="rejected",reason="unsupported_file_type"}'), 1);
    assert.ok((sample(text, 'lecoffre_upload_received_bytes_total{outcome="accepted"}') ?? 0) > TINY_PNG.length, 'body bytes counted');
    assert.ok((sample(text, 'lecoffre_upload_received_bytes_total{outcome="rejected"}') ?? 0) > 0);

    assert.ok((sample(text, 'lecoffre_webhook_delivery_lag_seconds_count') ?? 0) >= 1, 'delivery lag observed');
    assert.ok((sample(text, 'lecoffre_webhook_delivery_failures_total{reason="http_5xx"}') ?? 0) >= 1, 'the 503 counted');

    for (const queue of ['lecoffre-outbox', 'lecoffre-notifications', 'lecoffre-anchoring', 'lecoffre-maintenance']) {
      for (const state of ['queued', 'active']) {
        assert.notEqual(sample(text, `lecoffre_job_queue_depth{queue="${queue}",state="${state}"}`), undefined, `${queue} ${state}`);
      }
    }
    for (const state of ['open', 'submitted', 'final', 'failed']) {
      assert.notEqual(sample(text, `lecoffre_anchor_batches{state="${state}"}`), undefined, `anchor batches ${state}`);
    }
    assert.equal(sample(text, 'lecoffre_db_pool_connections{state="max"}'), 10);
    assert.ok((sample(text, 'lecoffre_db_pool_connections{state="open"}') ?? 0) >= 1);
    assert.notEqual(sample(text, 'process_cpu_user_seconds_total'), undefined, 'default process metrics');
    assert.equal(sample(text, 'lecoffre_metrics_sampler_errors_total{gauge="lecoffre_job_queue_depth"}'), undefined, 'every gauge read');
  });

  it('keeps /metrics from the public port without the token', async () => {
    const anonymous = await fetch(`${product.baseUrl}/metrics`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(((await anonymous.json()) as { code: string }).code, 'unauthenticated');
    const wrong = await fetch(`${product.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN.replace(/.$/, 'x')}` } });
    assert.equal(wrong.status, 401);
    const apiKeyIsNotEnough = await fetch(`${product.baseUrl}/metrics`, { headers: { authorization: `Bearer ${apiKey}` } });
    assert.equal(apiKeyIsNotEnough.status, 401, 'an office API key does not open the metrics');
    const scraper = await fetch(`${product.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(scraper.status, 200);
    assert.match(await scraper.text(), /^lecoffre_http_request_duration_seconds_bucket\{/m);
    assert.equal((await fetch(metricsUrl.replace(/\/metrics$/, '/v1/folders'))).status, 404, 'the metrics port serves /metrics only');
  });
});

describe('an app without a metrics token', () => {
  it('has no /metrics on its public port (404), even with metrics on', async () => {
    const db = await createTestDatabase();
    const handle = openDatabase(db.url);
    try {
      const config = loadConfig({ NODE_ENV: 'test', LECOFFRE_DATA_DIR: '.tmp/test-data', LECOFFRE_METRICS_PORT: '0' });
      const app = createApp({ config, db: handle, logger: pino({ level: 'silent' }), metrics: prometheusMetrics() });
      const server = createServer(app);
      const url = await listenLoopback(server);
      try {
        const res = await fetch(`${url}/metrics`);
        assert.equal(res.status, 404);
        assert.equal(((await res.json()) as { code: string }).code, 'route_not_found');
      } finally {
        server.close();
      }
    } finally {
      await handle.close();
      await db.drop();
    }
  });
});

describe('OpenTelemetry traces of a running product', () => {
  it('exports the HTTP request and its PostgreSQL queries under one trace id, which its log line carries', async () => {
    const requestId = `req_obs_${Date.now()}`;
    const res = await api('GET', '/v1/folders?limit=5', undefined, { 'x-request-id': requestId });
    assert.equal(res.status, 200);

    const server = await collector.until((spans) =>
      spans.find(
        (s) =>
          s.kind === 2 &&
          attribute(s, 'http.route') === '/v1/folders' &&
          (attribute(s, 'http.method') ?? attribute(s, 'http.request.method')) === 'GET',
      ),
    );
    const queries = await collector.until((spans) => {
      const found = spans.filter(
        (s) => s.traceId === server.traceId && (attribute(s, 'db.system.name') ?? attribute(s, 'db.system')) === 'postgresql',
      );
      return found.length > 0 ? found : undefined;
    });
    assert.ok(queries.length >= 1, 'the folder list is read from PostgreSQL within the request trace');
    assert.ok(collector.serviceNames.has('lecoffre-api'), `service name: ${[...collector.serviceNames].join(', ')}`);

    // The access log line of that request (pino, JSON on stdout) carries the same trace id.
    const logLine = await new Promise<Record<string, unknown>>((resolve) => {
      const look = () => {
        for (const line of product.output().split('\n')) {
          if (!line.startsWith('{') || !line.includes(requestId)) continue;
          const entry = JSON.parse(line) as Record<string, unknown> & { req?: { id?: string } };
          if (entry.req?.id === requestId) return resolve(entry);
        }
        child?.stdout?.once('data', look);
      };
      look();
    });
    assert.equal(logLine.trace_id, server.traceId);
    assert.match(String(logLine.span_id), /^[0-9a-f]{16}$/);
  });
});
