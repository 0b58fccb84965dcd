// The shape alone, apart from the parsing in ../config.ts: each concern's module (anchoring.ts, identity.ts…)
// builds its slice of it, and config.ts imports those modules, so the type cannot live there without a cycle.

/**
 * The one typed configuration of the service, read from the environment (and `.env`, loaded by main.ts; parsed in ../config.ts).
 * Every default is the embedded mode; production refuses the defaults that only make sense on a laptop.
 * Each variable is documented in the README's configuration table: keep both in step.
 */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  demoHostPort: number;
  baseUrl: string;
  dataDir: string;
  /** Absent in embedded mode: main.ts then starts PostgreSQL itself under dataDir. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number | undefined;
  /** Limits on waiting for PostgreSQL: opening a connection, and getting one of the pool's. */
  database: { connectTimeoutMs: number; acquireTimeoutMs: number };
  /** On SIGTERM, how long requests in flight may take to finish before uploads are refused and sockets cut. */
  shutdownDrainMs: number;
  /** On SIGTERM, how long the process keeps accepting new requests (with `/readyz` failing) before it stops listening. */
  shutdownDelayMs: number;
  storage:
    | { kind: 'fs'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint: string | undefined;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
      };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON bodies above this are refused with 413 before they are parsed. */
  jsonBodyLimitBytes: number;
  /** True where dev-only routes and the seeded demo office may exist. */
  devMode: boolean;
  /**
   * The ID.not OpenID Connect client. Without LECOFFRE_IDNOT_ISSUER (embedded mode only) it points at the
   * dev identity provider that the app itself mounts under /dev/idnot (`dev: true`).
   */
  idnot: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; dev: boolean };
  /**
   * Where SMS (one-time codes, reminders) go: Brevo, a generic HTTP gateway, or the dev outbox (embedded
   * mode only). Brevo posts delivery events to `/hooks/sms/brevo?token=<webhookToken>`.
   */
  sms:
    | { kind: 'brevo'; apiKey: string; sender: string; apiUrl: string; webhookToken: string }
    | { kind: 'http'; url: string; token: string | undefined }
    | { kind: 'dev_outbox' };
  sessions: {
    /** A session unused this long is over. */
    idleMinutes: number;
    /** A session is over this long after sign-in, however busy. */
    absoluteHours: number;
    /** Session cookies are `Secure` (and `__Host-` prefixed) in production. */
    cookieSecure: boolean;
  };
  /** Express `trust proxy`: how many proxies (or which addresses) to trust for the client IP that rate limits key on. */
  trustProxy: number | string | false;
  /** Where e-mails go: an SMTP server, or the dev outbox (embedded mode only). `from` is the address; the office is the sender name. */
  mail: { kind: 'smtp'; url: string; from: string } | { kind: 'dev_outbox'; from: string };
  /** Webhook endpoints on loopback addresses (embedded mode only: local development and tests). */
  webhooks: { allowLoopback: boolean };
  documents: {
    /** Largest file accepted, in bytes; refused with 413 as soon as an upload goes past it. */
    maxUploadBytes: number;
    /** Base64 master key wrapping every file's data key; absent in embedded mode (generated into the data dir). */
    masterKey: string | undefined;
    /** Keys being rotated out: still able to unwrap, never used to wrap. */
    previousMasterKeys: string[];
  };
  anchoring: {
    /** Seconds between two batches (a batch also starts as soon as maxBatch folders wait). */
    intervalSeconds: number;
    maxBatch: number;
    anchor: { kind: 'local-dev' } | { kind: 'tezos'; rpcUrl: string; network: string; secretKey: string; contract: string };
    /** Who timestamps each batch root (RFC 3161): a TSA over HTTP, the local development TSA, or nobody. */
    timestamps: { kind: 'rfc3161'; url: string } | { kind: 'dev' } | { kind: 'none' };
  };
  scrub: {
    /** Most bytes per second the integrity scrub reads from the blob store; 0 turns the scrub off. */
    bytesPerSecond: number;
    /** Minutes between two runs; a run reads for at most half of it, from where the last one stopped. */
    intervalMinutes: number;
  };
  /**
   * Prometheus metrics: served on `port` (bound to `host`) when set, and on the public port at /metrics
   * to a caller with `Authorization: Bearer <token>` when a token is set. Neither: no /metrics at all.
   */
  metrics: { port: number | undefined; host: string; token: string | undefined };
}
