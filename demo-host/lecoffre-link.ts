import { ConflictError, type LeCoffre, NotFoundError, type WidgetSession } from '@lecoffre/sdk/node';
import type { Logger } from 'pino';
import type { Deed, DeedStore, SavedWebhookEndpoint } from './deed-store.js';

/**
 * Everything the drafting software asks LeCoffre, through the SDK and the office's API key (server side
 * only: browsers get short-lived widget sessions, never the key).
 */
export class LeCoffreLink {
  private notary?: Promise<string>;
  /** One folder creation at a time per deed: two tabs opening a new deed make one folder. */
  private readonly linking = new Map<string, Promise<string>>();

  constructor(
    private readonly lecoffre: LeCoffre,
    private readonly deeds: DeedStore,
    private readonly notaryEmail: string,
    private readonly logger: Logger,
  ) {}

  /** The member the widgets act as: the demo's signed-in notary, found by e-mail among the office's members. */
  notaryMemberId(): Promise<string> {
    this.notary ??= (async () => {
      const members = await this.lecoffre.members.list({}).toArray({ max: 1000 });
      const member = members.find((m) => m.email.toLowerCase() === this.notaryEmail.toLowerCase() && m.status === 'active');
      if (!member) throw new Error(`no active member ${this.notaryEmail} in the office of this API key`);
      return member.id;
    })().catch((error: unknown) => {
      this.notary = undefined; // asked again on the next page
      throw error;
    });
    return this.notary;
  }

  /**
   * The deed's LeCoffre folder, created on first use. Idempotent three ways: the link kept in the store;
   * an idempotency key derived from the deed (a retry after a lost answer gets the same folder); and, if
   * the store was lost, the folder already holding the deed's number.
   */
  ensureFolder(deed: Deed): Promise<string> {
    if (deed.folderId) return Promise.resolve(deed.folderId);
    let pending = this.linking.get(deed.id);
    if (!pending) {
      pending = this.createFolder(deed).finally(() => this.linking.delete(deed.id));
      this.linking.set(deed.id, pending);
    }
    return pending;
  }

  private async createFolder(deed: Deed): Promise<string> {
    let folderId: string;
    try {
      const folder = await this.lecoffre.folders.create(
        { number: deed.number, title: deed.title, deedType: deed.deedType },
        { idempotencyKey: `demo-host-deed-${deed.id}` },
      );
      folderId = folder.id;
      this.logger.info({ deed: deed.number, folderId }, 'demo host: LeCoffre folder created');
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'folder_number_taken')) throw error;
      const found = (await this.lecoffre.folders.list({ q: deed.number }).toArray({ max: 100 })).find((f) => f.number === deed.number);
      if (!found) throw error;
      folderId = found.id;
    }
    await this.deeds.linkFolder(deed.id, folderId);
    return folderId;
  }

  /** A widget session for the notary, bound to this one folder (15 minutes). */
  async widgetSession(folderId: string): Promise<WidgetSession> {
    return this.lecoffre.widgetSessions.create({ memberId: await this.notaryMemberId(), folderId });
  }

  /**
   * Makes sure LeCoffre sends the office's events to `url`, and knows the secret to check them with. The
   * endpoint saved by an earlier start is kept when it still exists; endpoints of earlier starts whose
   * secret was lost are removed, so that one URL never gets each event twice.
   */
  async ensureWebhookEndpoint(url: string): Promise<SavedWebhookEndpoint> {
    const saved = this.deeds.webhookEndpoint;
    if (saved?.url === url) {
      try {
        const current = await this.lecoffre.webhookEndpoints.retrieve(saved.id);
        if (current.url === url) {
          if (!current.enabled) await this.lecoffre.webhookEndpoints.update(saved.id, { enabled: true });
          return saved;
        }
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    for await (const endpoint of this.lecoffre.webhookEndpoints.list()) {
      if (endpoint.url === url) await this.lecoffre.webhookEndpoints.delete(endpoint.id);
    }
    const created = await this.lecoffre.webhookEndpoints.create({ url, description: 'Logiciel de rédaction — démo' });
    const endpoint = { id: created.id, url: created.url, secret: created.secret };
    await this.deeds.saveWebhookEndpoint(endpoint);
    return endpoint;
  }
}
