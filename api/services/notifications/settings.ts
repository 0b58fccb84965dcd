import type { Database } from '../../db/database.js';
import { invalidField } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import { requireCapability } from '../access/principals.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';

/** How the office reminds clients of requested documents that have a due date. */
export interface NotificationSettings {
  /**
   * First reminder this many days before the due date (0: on the day).
   * @isInt
   * @minimum 0
   * @maximum 60
   */
  reminderDaysBefore: number;
  /**
   * Once overdue, a reminder the day after the due date, then every this many days.
   * @isInt
   * @minimum 1
   * @maximum 60
   */
  reminderEveryDays: number;
  /**
   * At most this many reminders per request (0: none).
   * @isInt
   * @minimum 0
   * @maximum 10
   */
  reminderMaxCount: number;
}

export interface NotificationSettingsPatch extends Partial<NotificationSettings> {}

/** The defaults: 3 days before, then every 7 days, at most 3. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { reminderDaysBefore: 3, reminderEveryDays: 7, reminderMaxCount: 3 };

export async function settingsOf(db: Database, officeId: string): Promise<NotificationSettings> {
  const row = await db.models.OfficeNotificationSettings.findByPk(officeId);
  return row
    ? { reminderDaysBefore: row.reminderDaysBefore, reminderEveryDays: row.reminderEveryDays, reminderMaxCount: row.reminderMaxCount }
    : { ...DEFAULT_NOTIFICATION_SETTINGS };
}

export async function getNotificationSettings(ctx: ServiceContext): Promise<NotificationSettings> {
  requireCapability(ctx.actor, 'notifications:read');
  return settingsOf(ctx.db, ctx.actor.officeId);
}

const RANGES: Record<keyof NotificationSettings, [number, number]> = {
  reminderDaysBefore: [0, 60],
  reminderEveryDays: [1, 60],
  reminderMaxCount: [0, 10],
};

/** A notary's decision, like the office's other settings. */
export async function updateNotificationSettings(
  ctx: ServiceContext,
  deps: { clock: Clock },
  patch: NotificationSettingsPatch,
): Promise<NotificationSettings> {
  requireCapability(ctx.actor, 'notifications:write');
  for (const [key, [min, max]] of Object.entries(RANGES) as Array<[keyof NotificationSettings, [number, number]]>) {
    const value = patch[key];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      throw invalidField(key, `must be a whole number between ${min} and ${max}`);
    }
  }
  return ctx.db.sequelize.transaction(async (transaction) => {
    const next = { ...(await settingsOf(ctx.db, ctx.actor.officeId)), ...patch };
    await ctx.db.models.OfficeNotificationSettings.upsert(
      { officeId: ctx.actor.officeId, ...next, updatedAt: deps.clock.now() },
      { transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'office.notification_settings_updated',
      subjectType: 'office',
      subjectId: ctx.actor.officeId,
      folderId: null,
      data: { ...next },
    });
    return next;
  });
}
