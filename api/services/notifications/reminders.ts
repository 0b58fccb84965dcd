import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { RequestStatus } from '../../domain/review.js';
import { addDays, calendarDay, localHour } from '../../domain/time-zones.js';
import type { Clock } from '../../ports/clock.js';
import type { NotificationSettings } from './settings.js';
import { type PlannedNotification, planNotifications } from './store.js';

/**
 * The days a request's reminders fall on: `reminderDaysBefore` days before its due date (unless it was
 * requested later than that: the request's own e-mail just told the client), then the day after the due
 * date, then every `reminderEveryDays` days; `reminderMaxCount` in all.
 */
export function reminderDays(dueDate: string, requestedOn: string, settings: NotificationSettings): string[] {
  const days: string[] = [];
  const before = addDays(dueDate, -settings.reminderDaysBefore);
  if (requestedOn < before) days.push(before);
  for (let k = 0; days.length < settings.reminderMaxCount; k++) days.push(addDays(dueDate, 1 + k * settings.reminderEveryDays));
  return days.slice(0, settings.reminderMaxCount);
}

interface Candidate {
  id: string;
  office_id: string;
  folder_id: string;
  client_id: string;
  due_date: string;
  requested_on: string;
  last_number: number;
  time_zone: string;
  reminder_days_before: number;
  reminder_every_days: number;
  reminder_max_count: number;
}

// Any constant: one reminder run at a time across processes.
const REMINDERS_LOCK_ID = 7_000_005;

/** Reminders go out in office hours on the office's own clocks: from 8:00 to 19:59. */
export const REMINDER_HOURS = { first: 8, last: 19 } as const;

/**
 * Plans today's reminders (the office's calendar day, in its office hours): for each open request with a due date that is still
 * waiting for the client's file, the latest reminder due and not yet sent. A run that was missed (jobs
 * down for days) catches up with one reminder, not a burst. Requests of one client in one folder share
 * one e-mail and one SMS. Safe to run as often as wanted: each reminder number is recorded once.
 */
export async function planReminders(deps: { db: Database; clock: Clock }): Promise<number> {
  const { db } = deps;
  const now = deps.clock.now();
  return db.sequelize.transaction(async (transaction) => {
    await db.sequelize.query('SELECT pg_advisory_xact_lock(:id)', { replacements: { id: REMINDERS_LOCK_ID }, transaction });
    const candidates = await db.sequelize.query<Candidate>(
      `SELECT r.id, r.office_id, r.folder_id, r.client_id, r.due_date::text AS due_date,
              (r.created_at AT TIME ZONE o.time_zone)::date::text AS requested_on, o.time_zone,
              COALESCE((SELECT max(number) FROM request_reminders rr WHERE rr.request_id = r.id), 0) AS last_number,
              COALESCE(s.reminder_days_before, 3) AS reminder_days_before,
              COALESCE(s.reminder_every_days, 7) AS reminder_every_days,
              COALESCE(s.reminder_max_count, 3) AS reminder_max_count
         FROM document_requests r
         JOIN offices o ON o.id = r.office_id
         JOIN folders f ON f.id = r.folder_id AND f.status = 'open'
         JOIN folder_clients fc ON fc.folder_id = r.folder_id AND fc.client_id = r.client_id
         LEFT JOIN office_notification_settings s ON s.office_id = r.office_id
        WHERE r.cancelled_at IS NULL AND r.status = :requested AND r.due_date IS NOT NULL
          AND r.due_date <= CAST(:horizon AS date)`,
      {
        // The latest calendar day on Earth bounds every office's horizon.
        replacements: { horizon: addDays(calendarDay(now, 'Pacific/Kiritimati'), 60), requested: 'requested' satisfies RequestStatus },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    const groups = new Map<string, { c: Candidate; requestIds: string[]; today: string }>();
    for (const c of candidates) {
      const hour = localHour(now, c.time_zone);
      if (hour < REMINDER_HOURS.first || hour > REMINDER_HOURS.last) continue;
      const today = calendarDay(now, c.time_zone);
      const days = reminderDays(c.due_date, c.requested_on, {
        reminderDaysBefore: c.reminder_days_before,
        reminderEveryDays: c.reminder_every_days,
        reminderMaxCount: c.reminder_max_count,
      });
      const latestDue = days.filter((day) => day <= today).length; // reminder number due today (1-based), 0: none yet
      if (latestDue <= c.last_number) continue;
      const [inserted] = await db.sequelize.query<{ number: number }>(
        `INSERT INTO request_reminders (request_id, number, office_id, sent_at) VALUES (:id, :number, :officeId, :now)
         ON CONFLICT DO NOTHING RETURNING number`,
        { replacements: { id: c.id, number: latestDue, officeId: c.office_id, now }, type: QueryTypes.SELECT, transaction },
      );
      if (!inserted) continue;
      const key = `${c.folder_id}:${c.client_id}`;
      const group = groups.get(key) ?? { c, requestIds: [], today };
      group.requestIds.push(c.id);
      groups.set(key, group);
    }
    const planned: PlannedNotification[] = [...groups.values()].flatMap(({ c, requestIds, today }) =>
      (['email', 'sms'] as const).map((channel) => ({
        officeId: c.office_id,
        folderId: c.folder_id,
        kind: 'request_reminder' as const,
        channel,
        recipient: { clientId: c.client_id },
        dedupeKey: `request_reminder:${c.folder_id}:${c.client_id}:${today}:${channel}`,
        data: { requestIds, day: today },
      })),
    );
    return planNotifications(db, transaction, planned, now);
  });
}
