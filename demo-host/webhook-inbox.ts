import { type WebhookEvent, WebhookVerificationError, webhooks } from '@lecoffre/sdk/node';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';

export interface ReceivedWebhook {
  /** `webhook-id`: the same on every retry and resend of one event. */
  webhookId: string;
  type: string;
  /** The office the event happened in: the app's one endpoint hears every connected office. */
  officeId: string;
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
 * The webhooks LeCoffre sends the drafting software's app, for every office connected to it, as
 * docs/webhooks.md asks a receiver to take them: the signature checked with the SDK (the app's secret) on
 * the raw bytes (`express.raw`, never re-serialised JSON), the event deduplicated on `webhook-id` (delivery is
 * at least once), a fast 204. Kept in memory, newest first. `onEvent` sees each new event once (after the 204).
 */
export class WebhookInbox {
  private readonly received: ReceivedWebhook[] = [];
  private readonly byId = new Map<string, ReceivedWebhook>();
  /** Why there are no webhooks, when the software has no app secret. */
  problem: string | undefined;

  constructor(
    private readonly secret: string | undefined,
    private readonly logger: Logger,
    private readonly onEvent: (event: WebhookEvent) => Promise<void> = async () => {},
  ) {
    if (!secret) this.problem = 'le logiciel n’a pas d’application LeCoffre (secret de webhook inconnu).';
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
          officeId: event.officeId,
          folderId: folderOf(event),
          receivedAt: new Date().toISOString(),
          duplicates: 0,
          event,
        };
        this.received.unshift(webhook);
        this.byId.set(webhookId, webhook);
        for (const dropped of this.received.splice(KEPT)) this.byId.delete(dropped.webhookId);
        // After the answer: LeCoffre waits for nobody's processing.
        res.on('finish', () => {
          this.onEvent(event).catch((error: unknown) => this.logger.error({ err: error, webhookId }, 'demo host: webhook not processed'));
        });
      }
      res.status(204).end();
    };
    return [express.raw({ type: 'application/json', limit: '1mb' }), handle];
  }
}
