import { randomBytes } from 'node:crypto';
import { officeActor } from '../../../test/support/files.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createKeyRing, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { httpWebhookTransport } from '../../adapters/webhooks/http-transport.js';
import { keyRingSecretSealer } from '../../adapters/webhooks/key-ring-sealer.js';
import { dispatchOutbox } from '../../jobs/dispatch-outbox.js';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import type { ServiceContext } from '../context.js';
import { type DeliveryDeps, deliverDue } from './deliver.js';
import {
  type CreateWebhookEndpointInput,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  type WebhookServiceDeps,
} from './manage-endpoints.js';
import { ManualClock } from './manual-clock.test-support.js';
import { startTestReceiver, type TestReceiver } from './test-receiver.test-support.js';

export interface WebhookFixture {
  t: TestApp;
  clock: ManualClock;
  /** The office's API key acting through the services. */
  ctx: ServiceContext;
  services: WebhookServiceDeps;
  delivery: DeliveryDeps;
  receiver: TestReceiver;
  /** Creates an endpoint pointing at the receiver (or `url`) and teaches the receiver its secret. */
  addEndpoint(input?: Partial<CreateWebhookEndpointInput>): Promise<{ id: string; secret: string }>;
  /** Outbox -> messages, then every due lane attempted: one turn of the workers at the clock's time. */
  pump(): Promise<void>;
  /** Between tests: every endpoint deleted, the outbox drained, the receiver emptied and answering 204. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app's database, the real HTTP transport to a receiver on loopback, and a manual clock. The
 * transport's timeout is scaled down (the product's 15 s becomes `timeoutMs`) so slow receivers cost
 * milliseconds; jitter is pinned so schedules are exact.
 */
export async function webhookFixture(options: { timeoutMs?: number; transport?: WebhookTransport } = {}): Promise<WebhookFixture> {
  const t = await createTestApp();
  const clock = new ManualClock(new Date());
  const sealer = keyRingSecretSealer(createKeyRing(masterKeyFrom(randomBytes(32))));
  const ctx: ServiceContext = { db: t.db, actor: officeActor(t.office.id) };
  const services: WebhookServiceDeps = { clock, sealer, urlRules: { allowLoopback: true, requireHttps: false } };
  const transport = options.transport ?? httpWebhookTransport({ allowLoopback: true, timeoutMs: options.timeoutMs ?? 2000 });
  const delivery: DeliveryDeps = { db: t.db, clock, sealer, transport, random: () => 0.5 };
  const receiver = await startTestReceiver(clock);
  return {
    t,
    clock,
    ctx,
    services,
    delivery,
    receiver,
    async addEndpoint(input = {}) {
      const created = await createWebhookEndpoint(ctx, services, { url: receiver.url, ...input });
      receiver.secrets.push(created.secret);
      return { id: created.id, secret: created.secret };
    },
    async pump() {
      await dispatchOutbox({ db: t.db, clock });
      await deliverDue(delivery);
    },
    async reset() {
      await dispatchOutbox({ db: t.db, clock });
      for (const endpoint of await t.db.models.WebhookEndpoint.findAll({ where: { officeId: t.office.id, deletedAt: null } })) {
        await deleteWebhookEndpoint(ctx, services, endpoint.id);
      }
      receiver.deliveries.length = 0;
      receiver.rejected.length = 0;
      receiver.secrets.length = 0;
      receiver.hits = 0;
      receiver.reply = () => ({ status: 204 });
    },
    async close() {
      await receiver.stop().catch(() => {});
      await t.close();
    },
  };
}
