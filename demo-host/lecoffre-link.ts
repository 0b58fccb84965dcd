import { ConflictError, type LeCoffre, type WidgetSession } from '@lecoffre/sdk/node';
import type { Logger } from 'pino';
import type { Deed, DeedStore } from './deed-store.js';

/**
 * Everything the drafting software asks LeCoffre about its deeds, through the SDK client of the deed's
 * office (its app token: server side only; browsers get short-lived widget sessions, never a token).
 */
export class LeCoffreLink {
  private readonly notaries = new Map<string, Promise<string>>();
  /** One folder creation at a time per deed: two tabs opening a new deed make one folder. */
  private readonly linking = new Map<string, Promise<string>>();

  constructor(
    private readonly deeds: DeedStore,
    private readonly logger: Logger,
  ) {}

  /**
   * The member the folder widget acts as in an office: its first active notary (the demo has no sign-in of
   * its own; a real drafting software maps its signed-in user to a member).
   */
  notaryMemberId(officeId: string, lecoffre: LeCoffre): Promise<string> {
    let found = this.notaries.get(officeId);
    if (!found) {
      found = (async () => {
        const members = await lecoffre.members.list({}).toArray({ max: 1000 });
        const notary = members.find((m) => m.role === 'notary' && m.status === 'active');
        if (!notary) throw new Error(`office ${officeId} has no active notary`);
        return notary.id;
      })().catch((error: unknown) => {
        this.notaries.delete(officeId); // asked again on the next page
        throw error;
      });
      this.notaries.set(officeId, found);
    }
    return found;
  }

  /**
   * The deed's LeCoffre folder, created on first use in the deed's office. Idempotent three ways: the link
   * kept in the store; an idempotency key derived from the deed (a retry after a lost answer gets the same
   * folder); and, if the store was lost, the office's folder already holding the deed's number.
   */
  ensureFolder(deed: Deed, lecoffre: LeCoffre): Promise<string> {
    if (deed.folderId) return Promise.resolve(deed.folderId);
    let pending = this.linking.get(deed.id);
    if (!pending) {
      pending = this.createFolder(deed, lecoffre).finally(() => this.linking.delete(deed.id));
      this.linking.set(deed.id, pending);
    }
    return pending;
  }

  private async createFolder(deed: Deed, lecoffre: LeCoffre): Promise<string> {
    let folderId: string;
    try {
      const folder = await lecoffre.folders.create(
        { number: deed.number, title: deed.title, deedType: deed.deedType },
        { idempotencyKey: `demo-host-deed-${deed.id}` },
      );
      folderId = folder.id;
      this.logger.info({ deed: deed.number, officeId: deed.officeId, folderId }, 'demo host: LeCoffre folder created');
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'folder_number_taken')) throw error;
      const found = (await lecoffre.folders.list({ q: deed.number }).toArray({ max: 100 })).find((f) => f.number === deed.number);
      if (!found) throw error;
      folderId = found.id;
    }
    await this.deeds.linkFolder(deed.id, folderId);
    return folderId;
  }

  /** A widget session for the office's notary, bound to this one folder (15 minutes). */
  async widgetSession(deed: Deed & { folderId: string }, lecoffre: LeCoffre): Promise<WidgetSession> {
    return lecoffre.widgetSessions.create({ memberId: await this.notaryMemberId(deed.officeId, lecoffre), folderId: deed.folderId });
  }
}
