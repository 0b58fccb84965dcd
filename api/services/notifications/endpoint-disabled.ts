import type { Transaction } from 'sequelize';
import type { Database } from '../../db/database.js';
import { officeNotaries } from './recipients.js';
import { planNotifications } from './store.js';

/** Tells the office's notaries that an endpoint was turned off for them (410, or 5 days of failures). */
export async function planEndpointDisabledNotices(
  db: Database,
  transaction: Transaction,
  endpoint: { id: string; officeId: string; url: string; failingSince: Date | null },
  reason: 'gone' | 'failing',
  now: Date,
): Promise<number> {
  const notaries = await officeNotaries(db, endpoint.officeId, transaction);
  return planNotifications(
    db,
    transaction,
    notaries.map((notary) => ({
      officeId: endpoint.officeId,
      folderId: null,
      kind: 'endpoint_disabled' as const,
      channel: 'email' as const,
      recipient: { memberId: notary.id },
      dedupeKey: `endpoint_disabled:${endpoint.id}:${now.getTime()}:${notary.id}`,
      data: { endpointId: endpoint.id, url: endpoint.url, reason, failingSince: endpoint.failingSince?.toISOString() ?? null },
    })),
    now,
  );
}
