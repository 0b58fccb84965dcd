import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { RequestStatus } from '../../domain/review.js';
import type { Clock } from '../../ports/clock.js';
import { addDays, parisDate } from './paris-date.js';
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
  reminder_days_before: number;
  reminder_every_days: number;
  reminder_max_count: number;
}

// Any constant: one reminder run at a time across processes.
const REMINDERS_LOCK_ID = 7_000_005;

/**
 * Plans today's reminders (Paris calendar day): for each open request with a due date that is still
 * waiting for the client's file, the latest reminder due and not yet sent. A run that was missed (jobs
 * down for days) catches up with one reminder, not a burst. Requests of one client in one folder share
 * one e-mail and one SMS. Safe to run as often as wanted: each reminder number is recorded once.
 */
export async function planReminders(deps: { db: Database; clock: Clock }): Promise<number> {
  const { db } = deps;
  const now = deps.clock.now();
  const today = parisDate(now);
  return db.sequelize.transaction(async (transaction) => {
    await db.sequelize.query('SELECT pg_advisory_xact_lock(:id)', { replacements: { id: REMINDERS_LOCK_ID }, transaction });
    const candidates = await db.sequelize.query<Candidate>(
      `SELECT r.id, r.office_id, r.folder_id, r.client_id, r.due_date::text AS due_date,
              (r.created_at AT TIME ZONE 'Europe/Paris')::date::text AS requested_on,
              COALESCE((SELECT max(number) FROM request_reminders rr WHERE rr.request_id = r.id), 0) AS last_number,
              COALESCE(s.reminder_days_before, 3) AS reminder_days_before,
              COALESCE(s.reminder_every_days, 7) AS reminder_every_days,
              COALESCE(s.reminder_max_count, 3) AS reminder_max_count
         FROM document_requests r
         JOIN folders f ON f.id = r.folder_id AND f.status = 'open'
         JOIN folder_clients fc ON fc.folder_id = r.folder_id AND fc.client_id = r.client_id
         LEFT JOIN office_notification_settings s ON s.office_id = r.office_id
        WHERE r.cancelled_at IS NULL AND r.status = :requested AND r.due_date IS NOT NULL
          AND r.due_date <= CAST(:horizon AS date)`,
      {
        replacements: { horizon: addDays(today, 60), requested: 'requested' satisfies RequestStatus },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    const groups = new Map<string, { c: Candidate; requestIds: string[] }>();
    for (const c of candidates) {
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
      const group = groups.get(key) ?? { c, requestIds: [] };
      group.requestIds.push(c.id);
      groups.set(key, group);
    }
    const planned: PlannedNotification[] = [...groups.values()].flatMap(({ c, requestIds }) =>
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
