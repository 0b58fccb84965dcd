import { type WebhookEvent, WebhookVerificationError, webhooks } from '@lecoffre/sdk/node';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';

export interface ReceivedWebhook {
  /** `webhook-id`: the same on every retry and resend of one event. */
  webhookId: string;
  type: string;
  /** The folder the event is about, when it is about one. */
  folderId: string | null;
  receivedAt: string;
  /** Deliveries of this same event after the first (retries, resends): acknowledged, not processed again. */
  duplicates: number;
  event: WebhookEvent;
}

const KEPT = 500;

function folderOf(event: WebhookEvent): string | null {
  const data = event.data as { id?: unknown; folderId?: unknown } | undefined;
  if (typeof data?.folderId === 'string') return data.folderId;
  return event.type.startsWith('folder.') && typeof data?.id === 'string' ? data.id : null;
}

/**
 * The webhooks LeCoffre sends the drafting software, as docs/webhooks.md asks a receiver to take them:
 * the signature checked with the SDK on the raw bytes (`express.raw`, never re-serialised JSON), the
 * event deduplicated on `webhook-id` (delivery is at least once), a fast 204. Kept in memory, newest first.
 */
export class WebhookInbox {
  private readonly received: ReceivedWebhook[] = [];
  private readonly byId = new Map<string, ReceivedWebhook>();
  private secret: string | undefined;
  /** Why there are no webhooks, when registering the endpoint failed. */
  problem: string | undefined;

  constructor(private readonly logger: Logger) {}

  useSecret(secret: string): void {
    this.secret = secret;
    this.problem = undefined;
  }

  /** Newest first; only those of one folder with `folderId`. */
  list(folderId?: string): readonly ReceivedWebhook[] {
    return folderId ? this.received.filter((webhook) => webhook.folderId === folderId) : this.received;
  }

  receiver(): RequestHandler[] {
    const handle: RequestHandler = (req, res) => {
      if (!this.secret) {
        // Not ready to check signatures: LeCoffre retries later, which is what a 503 asks for.
        res.status(503).set('Retry-After', '5').end();
        return;
      }
      let event: WebhookEvent;
      try {
        event = webhooks.verify(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.headers, this.secret);
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        this.logger.warn({ err: error.message }, 'demo host: webhook refused (bad signature or too old)');
        res.status(400).type('text').send('invalid signature');
        return;
      }
      const webhookId = String(req.get('webhook-id'));
      const known = this.byId.get(webhookId);
      if (known) {
        known.duplicates += 1;
      } else {
        const webhook: ReceivedWebhook = {
          webhookId,
          type: event.type,
          folderId: folderOf(event),
          receivedAt: new Date().toISOString(),
          duplicates: 0,
          event,
        };
        this.received.unshift(webhook);
        this.byId.set(webhookId, webhook);
        for (const dropped of this.received.splice(KEPT)) this.byId.delete(dropped.webhookId);
      }
      res.status(204).end();
    };
    return [express.raw({ type: 'application/json', limit: '1mb' }), handle];
  }
}
