import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';

/** The background jobs' pg-boss queues. Names are stable: jobs survive a deploy. */
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

// A singleton queue stays blocked behind the job of a process that died until that job expires: the
// short jobs (a dispatch, a sweep) expire within a minute, so a killed process delays them that long
// at most. What they do is guarded by the database itself (locks, row claims), not by the queue.
export const QUEUE_OPTIONS: Record<keyof typeof QUEUES, Omit<PgBoss.Queue, 'name'>> = {
  outbox: { policy: 'singleton', retryLimit: 5, retryDelay: 2, expireInSeconds: 60 },
  notifications: { policy: 'singleton', retryLimit: 5, retryDelay: 10, expireInSeconds: 120 },
  sweep: { policy: 'singleton', retryLimit: 0, expireInSeconds: 60 },
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
    await boss.createQueue(name, { name, ...QUEUE_OPTIONS[key] });
  }
}
