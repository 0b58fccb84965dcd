import type { Job } from 'pg-boss';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { defaultClock, webhookTransportFor } from '../composition.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { SecretSealer } from '../ports/secret-sealer.js';
import type { SmsSender } from '../ports/sms-sender.js';
import type { WebhookTransport } from '../ports/webhook-transport.js';
import { planReminders } from '../services/notifications/reminders.js';
import { nextNotificationDueAt, sendDueNotifications } from '../services/notifications/send.js';
import { flushDueDigests, nextDigestDueAt } from '../services/notifications/upload-digests.js';
import { type DeliveryDeps, deliverLane, dueLanes } from '../services/webhooks/deliver.js';
import { connectionOf } from './connection.js';
import { dispatchOutbox } from './dispatch-outbox.js';
import { createQueues, QUEUES, wakeJobId } from './queues.js';
import { listenForWakeUps, type WakeReason } from './wake-listener.js';

export interface JobsDependencies {
  db: Database;
  config: Config;
  mailer: Mailer;
  sms: SmsSender;
  /** The same sealer as the API's (app.locals.webhooks): it opens the secrets the API sealed. */
  sealer: SecretSealer;
  clock?: Clock;
  logger?: Pick<Logger, 'error' | 'warn' | 'info'>;
  /** Default: HTTP with the 15 s timeout and the config's loopback rule. */
  transport?: WebhookTransport;
  /** Jitter of the retry schedule, [0, 1) (tests pin it). */
  random?: () => number;
  /**
   * The process's pg-boss, already started, when it has one (main.ts runs anchoring on it). It must be
   * built with `useListenNotify: true`, or wake-ups wait for the next poll (1-2 s) instead of ~0. Without
   * it, startJobs starts (and stops) its own.
   */
  boss?: PgBoss;
}

export interface Jobs {
  /** Stops taking jobs and waits (up to 20 s) for those running: a delivery in flight is finished. */
  stop(): Promise<void>;
}

type Data = { key: string };

/**
 * Starts the workers of this issue in this process (any number of processes may run them: the tables
 * are the truth, every runner claims its rows, pg-boss gives each lane to one worker at a time).
 *
 * Wake-ups: the outbox trigger NOTIFYs at commit -> the listener queues the dispatcher -> it queues each
 * lane that got messages -> a lane job delivers in order and, on failure, queues itself for the retry
 * time. Notifications work the same way. A sweep every minute wakes anything a lost wake-up left behind.
 */
export async function startJobs(deps: JobsDependencies): Promise<Jobs> {
  const { db, config } = deps;
  const clock = deps.clock ?? defaultClock;
  const log = deps.logger;
  const connection = connectionOf(db);
  const boss = deps.boss ?? new PgBoss({ ...connection, max: 4, application_name: 'lecoffre-jobs', useListenNotify: true });
  if (!deps.boss) {
    boss.on('error', (error) => log?.error({ err: error }, 'jobs: pg-boss error'));
    await boss.start();
  }
  await createQueues(boss);

  const delivery: DeliveryDeps = {
    db,
    clock,
    sealer: deps.sealer,
    transport: deps.transport ?? webhookTransportFor(config),
    random: deps.random,
  };
  const notificationDeps = { db, clock, mailer: deps.mailer, sms: deps.sms, baseUrl: config.baseUrl };

  /**
   * Queues `queue` for `key` now, or at `at` (once, however many ask for that same time). `from` is the
   * job asking: a job woken a hair early asks for its own time again, and must not collide with itself.
   */
  const wake = async (queue: string, key: string, at?: Date | null, from?: Job<Data>): Promise<void> => {
    if (!at || at.getTime() <= clock.now().getTime()) {
      await boss.send(queue, { key }, { singletonKey: key });
      return;
    }
    let id = wakeJobId(queue, key, at);
    if (id === from?.id) id = wakeJobId(queue, `${key}#again`, at);
    await boss.send(queue, { key }, { singletonKey: key, startAfter: at, id });
  };
  const wakeNotifications = async (from?: Job<Data>) => {
    const dueTimes = [await nextNotificationDueAt(db), await nextDigestDueAt(db)].filter((d): d is Date => d !== null);
    if (dueTimes.length > 0) await wake(QUEUES.notifications, 'all', new Date(Math.min(...dueTimes.map((d) => d.getTime()))), from);
  };
  const wakeDueLanes = async () => {
    for (const lane of await dueLanes(db, clock.now())) await wake(QUEUES.webhookLane, lane);
  };
  const guarded =
    (name: string, handler: (job: Job<Data>) => Promise<void>) =>
    async ([job]: Job<Data>[]): Promise<void> => {
      try {
        await handler(job);
      } catch (error) {
        log?.error({ err: error, job: name }, 'jobs: handler failed (pg-boss retries it)');
        throw error;
      }
    };
  const work = { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2, batchSize: 1 };

  await boss.work<Data>(
    QUEUES.outbox,
    work,
    guarded('outbox', async () => {
      const result = await dispatchOutbox({ db, clock });
      for (const lane of result.lanes) await wake(QUEUES.webhookLane, lane);
      await wakeNotifications();
    }),
  );
  await boss.work<Data>(
    QUEUES.webhookLane,
    // Retries are deferred jobs, found by polling: poll every second so a retry is at most a second late.
    { ...work, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1, localConcurrency: 8 },
    guarded('webhook-lane', async (job) => {
      const outcome = await deliverLane(delivery, job.data.key);
      if (outcome.state === 'waiting') await wake(QUEUES.webhookLane, job.data.key, outcome.until, job);
      if (outcome.state === 'more') await wake(QUEUES.webhookLane, job.data.key);
      if (outcome.endpointsDisabled > 0) await wakeNotifications();
    }),
  );
  await boss.work<Data>(
    QUEUES.notifications,
    work,
    guarded('notifications', async (job) => {
      await flushDueDigests(db, clock.now());
      for (;;) {
        const s = await sendDueNotifications(notificationDeps);
        if (s.sent + s.skipped + s.failed + s.retrying === 0) break;
      }
      await wakeNotifications(job);
    }),
  );
  await boss.work<Data>(
    QUEUES.sweep,
    work,
    guarded('sweep', async () => {
      await wake(QUEUES.outbox, 'all');
      await wakeDueLanes();
      await wakeNotifications();
    }),
  );
  await boss.work<Data>(
    QUEUES.reminders,
    work,
    guarded('reminders', async () => {
      if ((await planReminders({ db, clock })) > 0) await wakeNotifications();
    }),
  );
  await boss.schedule(QUEUES.sweep, '* * * * *', { key: 'all' }, { singletonKey: 'all' });
  // Reminders go out in office hours, French time; a run missed while down is caught up once.
  await boss.schedule(QUEUES.reminders, '0 8-19 * * *', { key: 'all' }, { singletonKey: 'all', tz: 'Europe/Paris', missed: 'once' });

  const onWake = (reason: WakeReason) => {
    if (reason === 'anchoring') return; // the anchoring job listens for its own
    const queue = reason === 'outbox' ? QUEUES.outbox : reason === 'webhooks' ? QUEUES.sweep : QUEUES.notifications;
    wake(queue, 'all').catch((error: unknown) => log?.error({ err: error }, 'jobs: wake-up failed'));
  };
  const listener = await listenForWakeUps(connection, onWake, (error) =>
    log?.warn({ err: error }, 'jobs: wake-up listener lost its connection'),
  );

  return {
    async stop() {
      await listener.close();
      if (deps.boss) {
        // Someone else's pg-boss: stop our workers only (waiting for the jobs they are running).
        await Promise.all(Object.values(QUEUES).map((queue) => boss.offWork(queue, { wait: true })));
      } else {
        await boss.stop({ graceful: true, timeout: 20_000 });
      }
    },
  };
}
