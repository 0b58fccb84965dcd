import type { Database } from '../../db/database.js';
import type { SmsTrackedStatus } from '../../db/models/sms.js';
import type { SmsStatusReport } from '../../ports/sms-sender.js';

/**
 * How far along a message is. Providers post events in any order and more than once: a report moves a
 * row only forward, and never out of a final state (delivered, or a failure for good). A soft bounce
 * can still end delivered: the carrier tries again.
 */
const RANK: Record<SmsTrackedStatus, number> = {
  queued: 0,
  accepted: 1,
  failed: 1,
  sent: 2,
  soft_bounce: 3,
  delivered: 4,
  hard_bounce: 4,
  blocked: 4,
  rejected: 4,
};
const FINAL = new Set<SmsTrackedStatus>(['delivered', 'hard_bounce', 'blocked', 'rejected']);
export const UNDELIVERED = new Set<SmsTrackedStatus>(['hard_bounce', 'blocked', 'rejected']);

export type SmsStatusOutcome =
  | { outcome: 'updated'; purpose: 'login_code' | 'notification'; status: SmsTrackedStatus }
  | { outcome: 'unchanged' }
  | { outcome: 'unknown' };

/**
 * Applies a provider's delivery report to the SMS it names. An SMS that never arrives is a failure of
 * what it carried: a notification is marked `failed` with the reason (its office sees it with the other
 * failed deliveries); a sign-in code's failure stays on its row (the client asks for a new code).
 */
export async function recordSmsStatus(db: Database, report: SmsStatusReport): Promise<SmsStatusOutcome> {
  return db.sequelize.transaction(async (transaction) => {
    const row = await db.models.SmsDelivery.findByPk(report.reference, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) return { outcome: 'unknown' };
    if (FINAL.has(row.status) || RANK[report.status] < RANK[row.status] || report.status === row.status) return { outcome: 'unchanged' };
    const undelivered = UNDELIVERED.has(report.status);
    await row.update(
      {
        status: report.status,
        statusAt: report.at,
        providerMessageId: report.providerMessageId ?? row.providerMessageId,
        error:
          report.status === 'delivered'
            ? null
            : undelivered || report.status === 'soft_bounce'
              ? `${report.status}${report.detail ? `: ${report.detail}` : ''}`
              : row.error,
      },
      { transaction },
    );
    if (undelivered && row.notificationId) {
      await db.models.Notification.update(
        { status: 'failed', lastError: `SMS non distribué / not delivered (${report.status}${report.detail ? `: ${report.detail}` : ''})` },
        { where: { id: row.notificationId }, transaction },
      );
    }
    return { outcome: 'updated', purpose: row.purpose, status: report.status };
  });
}
