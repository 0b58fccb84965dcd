import { createHash } from 'node:crypto';
import type { PgBoss, Queue } from 'pg-boss';

/** pg-boss queues of this issue. Names are stable: jobs survive a deploy. */
export const QUEUES = {
  /** Outbox -> webhook messages + notifications. One at a time (the dispatcher also holds a lock). */
  outbox: 'lecoffre-outbox',
  /** Due e-mails and SMS, and the upload digests that fell due. */
  notifications: 'lecoffre-notifications',
  /** Every minute: wakes whatever a lost wake-up left behind (crash between commit and send). */
  sweep: 'lecoffre-jobs-sweep',
  /** Hourly in office hours: plans the day's reminders. */
  reminders: 'lecoffre-reminders',
} as const;

// `notify`: a job sent wakes an idle worker at once (LISTEN/NOTIFY) instead of at its next poll: the
// first delivery attempt goes out well within a second of the commit.
export const QUEUE_OPTIONS: Record<keyof typeof QUEUES, Omit<Queue, 'name'>> = {
  outbox: { policy: 'singleton', notify: true, retryLimit: 5, retryDelay: 2, expireInSeconds: 300 },
  notifications: { policy: 'singleton', notify: true, retryLimit: 5, retryDelay: 10, expireInSeconds: 600 },
  sweep: { policy: 'singleton', notify: true, retryLimit: 0, expireInSeconds: 120 },
  reminders: { policy: 'singleton', retryLimit: 3, retryDelay: 60, expireInSeconds: 600 },
};

/**
 * A deterministic job id for a deferred wake-up: asking twice to wake the same thing at the same time
 * (two processes, or a retry) makes one job, not two.
 */
export function wakeJobId(queue: string, key: string, at: Date): string {
  const hex = createHash('sha256').update(`${queue}|${key}|${at.getTime()}`).digest('hex');
  // Shaped as a version-8 (custom) UUID, which is what pg-boss's uuid column accepts.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const [key, name] of Object.entries(QUEUES) as Array<[keyof typeof QUEUES, string]>) {
    await boss.createQueue(name, QUEUE_OPTIONS[key]);
  }
}
