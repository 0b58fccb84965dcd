/**
 * What the process reports about itself, for operators (Prometheus at /metrics). Services, jobs and the
 * HTTP layer report through this interface; the adapter chosen by composition.ts owns the registry and the
 * metric names, so nothing else imports prom-client. Every label value is from a bounded set (route
 * templates, problem codes, queue names, states): never an id, a raw URL or anything a caller typed.
 */
export interface Metrics {
  /** One HTTP answer; `route` is the route template (`/v1/folders/:id`), never the raw path. */
  httpRequest(request: { route: string; method: string; status: number; seconds: number }): void;
  /** One upload request, ended; `bytes` is the body received, `reason` the problem code of a refusal. */
  upload(upload: { outcome: UploadOutcome; reason?: string; bytes: number }): void;
  /** A webhook message delivered (2xx), `lagSeconds` after the change that made it was committed. */
  webhookDelivered(lagSeconds: number): void;
  /** A delivery attempt that failed (it may be retried); `reason` is `http_<status class>` or the transport error. */
  webhookFailed(reason: string): void;
  /** Blobs checked by a storage scrub, by what the check found. */
  blobScrubbed(result: BlobScrubResult, count?: number): void;
  /** State read on each scrape rather than counted as it happens; a later call replaces a sampler. */
  sampleOnScrape(samplers: Partial<ScrapeSamplers>): void;
}

/** What /metrics serves: the text exposition format, gauges sampled at the call. */
export interface MetricsExposition {
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** The metrics of an API process: reported to, and scraped. */
export type ProcessMetrics = Metrics & MetricsExposition;

/** `failed`: the server could not finish it (a 5xx); `aborted`: the client went away mid-body. */
export type UploadOutcome = 'accepted' | 'rejected' | 'aborted' | 'failed';

export type BlobScrubResult = 'ok' | 'corrupt' | 'missing';

export interface ScrapeSamplers {
  /** Jobs waiting (`queued`, retries included) and running (`active`) per pg-boss queue. */
  jobQueues(): Promise<Array<{ queue: string; state: 'queued' | 'active'; count: number }>>;
  /** Anchoring batches per state (open, submitted, final, failed). */
  anchorBatches(): Promise<Array<{ state: string; count: number }>>;
  /** The API's database connection pool. */
  databasePool(): { max: number; size: number; idle: number; inUse: number; waiting: number };
}

/** Reports nothing: apps and jobs built without a metrics adapter (most tests) use it. */
export const noMetrics: Metrics = {
  httpRequest() {},
  upload() {},
  webhookDelivered() {},
  webhookFailed() {},
  blobScrubbed() {},
  sampleOnScrape() {},
};
