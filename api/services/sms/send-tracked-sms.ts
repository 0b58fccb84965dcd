import type { Database } from '../../db/database.js';
import { newId } from '../../domain/ids.js';
import type { Clock } from '../../ports/clock.js';
import type { SmsMessage, SmsSender } from '../../ports/sms-sender.js';

export type SmsPurpose = { purpose: 'login_code'; loginAttemptId: string } | { purpose: 'notification'; notificationId: string };

/**
 * Sends an SMS and keeps a row of it (`sms_deliveries`): `queued`, then `accepted` or `failed` with the
 * provider's refusal; the provider's delivery callbacks move it on (record-sms-status.ts). The row's id
 * is the reference the provider reports under. Rejects as the sender does, once the row says why.
 */
export async function sendTrackedSms(
  deps: { db: Database; sms: SmsSender; clock: Clock },
  message: Omit<SmsMessage, 'reference'>,
  purpose: SmsPurpose,
): Promise<void> {
  const now = deps.clock.now();
  const row = await deps.db.models.SmsDelivery.create({
    id: newId('sms', now.getTime()),
    provider: deps.sms.name ?? 'other',
    purpose: purpose.purpose,
    recipient: message.to,
    loginAttemptId: purpose.purpose === 'login_code' ? purpose.loginAttemptId : null,
    notificationId: purpose.purpose === 'notification' ? purpose.notificationId : null,
    status: 'queued',
    providerMessageId: null,
    error: null,
    statusAt: now,
    createdAt: now,
  });
  try {
    await deps.sms.send({ ...message, reference: row.id });
  } catch (error) {
    await deps.db.models.SmsDelivery.update(
      { status: 'failed', error: (error as Error).message.slice(0, 500), statusAt: deps.clock.now() },
      { where: { id: row.id, status: 'queued' } },
    );
    throw error;
  }
  // Only from `queued`: a callback may already have reported a later state.
  await deps.db.models.SmsDelivery.update({ status: 'accepted', statusAt: deps.clock.now() }, { where: { id: row.id, status: 'queued' } });
}
