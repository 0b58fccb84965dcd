import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { BlobScrubResult, ProcessMetrics, ScrapeSamplers, UploadOutcome } from '../../ports/metrics.js';

/**
 * The metrics port on a prom-client registry of its own, plus what /metrics serves.
 * One registry per instance (never prom-client's global one): tests build several apps in one process,
 * and two registries never clash on a metric name. Sampler failures (the database down during a scrape)
 * leave their gauge empty for that scrape and are counted, so a scrape itself never fails.
 */
export function prometheusMetrics(options: { onSamplerError?: (name: string, error: unknown) => void } = {}): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const samplers: Partial<ScrapeSamplers> = {};

  const httpDuration = new Histogram({
    name: 'lecoffre_http_request_duration_seconds',
    help: 'HTTP answers by route template, method and status class, in seconds from request to last byte.',
    labelNames: ['route', 'method', 'status_class'],
    // From a cached health check to a large upload on a slow link.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers,
  });
  const uploads = new Counter({
    name: 'lecoffre_uploads_total',
    help: 'Upload requests by outcome (accepted, rejected, aborted, failed) and, when refused, the problem code.',
    labelNames: ['outcome', 'reason'],
    registers,
  });
  const uploadBytes = new Counter({
    name: 'lecoffre_upload_received_bytes_total',
    help: 'Bytes of upload request bodies received, by outcome of their request.',
    labelNames: ['outcome'],
    registers,
  });
  const webhookLag = new Histogram({
    name: 'lecoffre_webhook_delivery_lag_seconds',
    help: 'From the commit of a change to the delivery (2xx) of its webhook message, retries included.',
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 6 * 3600, 24 * 3600],
    registers,
  });
  const webhookFailures = new Counter({
    name: 'lecoffre_webhook_delivery_failures_total',
    help: 'Webhook delivery attempts that failed, by reason (http_4xx, http_5xx or the transport error).',
    labelNames: ['reason'],
    registers,
  });
  const blobScrub = new Counter({
    name: 'lecoffre_blob_scrub_blobs_total',
    help: 'Stored blobs checked by a storage scrub, by result (ok, corrupt, missing).',
    labelNames: ['result'],
    registers,
  });
  const samplerErrors = new Counter({
    name: 'lecoffre_metrics_sampler_errors_total',
    help: 'Scrapes where a gauge could not be read (its value is then absent from that scrape).',
    labelNames: ['gauge'],
    registers,
  });

  /** A gauge read at each scrape from its sampler; absent (no series) while none is registered. */
  function sampledGauge<K extends keyof ScrapeSamplers>(
    key: K,
    config: { name: string; help: string; labelNames: string[] },
    write: (gauge: Gauge, sample: Awaited<ReturnType<ScrapeSamplers[K]>>) => void,
  ): void {
    new Gauge({
      ...config,
      registers,
      async collect() {
        this.reset();
        const sampler = samplers[key] as (() => ReturnType<ScrapeSamplers[K]>) | undefined;
        if (!sampler) return;
        try {
          write(this, await sampler());
        } catch (error) {
          samplerErrors.inc({ gauge: config.name });
          options.onSamplerError?.(config.name, error);
        }
      },
    });
  }
  sampledGauge(
    'jobQueues',
    {
      name: 'lecoffre_job_queue_depth',
      help: 'Jobs per pg-boss queue: queued (retries included) or active.',
      labelNames: ['queue', 'state'],
    },
    (gauge, rows) => {
      for (const row of rows) gauge.set({ queue: row.queue, state: row.state }, row.count);
    },
  );
  sampledGauge(
    'anchorBatches',
    { name: 'lecoffre_anchor_batches', help: 'Anchoring batches per state.', labelNames: ['state'] },
    (gauge, rows) => {
      for (const row of rows) gauge.set({ state: row.state }, row.count);
    },
  );
  sampledGauge(
    'databasePool',
    {
      name: 'lecoffre_db_pool_connections',
      help: "The API's PostgreSQL pool: max, open (size), idle, in_use, and waiting (requests queued for a connection).",
      labelNames: ['state'],
    },
    (gauge, pool) => {
      gauge.set({ state: 'max' }, pool.max);
      gauge.set({ state: 'open' }, pool.size);
      gauge.set({ state: 'idle' }, pool.idle);
      gauge.set({ state: 'in_use' }, pool.inUse);
      gauge.set({ state: 'waiting' }, pool.waiting);
    },
  );

  return {
    httpRequest({ route, method, status, seconds }) {
      httpDuration.observe({ route, method, status_class: `${Math.floor(status / 100)}xx` }, seconds);
    },
    upload({ outcome, reason, bytes }: { outcome: UploadOutcome; reason?: string; bytes: number }) {
      uploads.inc({ outcome, reason: reason ?? '' });
      if (bytes > 0) uploadBytes.inc({ outcome }, bytes);
    },
    webhookDelivered(lagSeconds) {
      webhookLag.observe(Math.max(0, lagSeconds));
    },
    webhookFailed(reason) {
      webhookFailures.inc({ reason });
    },
    blobScrubbed(result: BlobScrubResult, count = 1) {
      blobScrub.inc({ result }, count);
    },
    sampleOnScrape(more) {
      Object.assign(samplers, more);
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
