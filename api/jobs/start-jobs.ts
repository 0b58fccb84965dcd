import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { defaultClock, webhookTransportFor } from '../composition.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { Metrics } from '../ports/metrics.js';
import type { SecretSealer } from '../ports/secret-sealer.js';
import type { SmsSender } from '../ports/sms-sender.js';
import type { WebhookTransport } from '../ports/webhook-transport.js';
import { linkAllOfficeChains } from '../services/audit/link-office-chain.js';
import { planReminders } from '../services/notifications/reminders.js';
import { nextNotificationDueAt, sendDueNotifications } from '../services/notifications/send.js';
import { flushDueDigests, nextDigestDueAt } from '../services/notifications/upload-digests.js';
import type { DeliveryDeps } from '../services/webhooks/deliver.js';
import { connectionOf } from './connection.js';
import { dispatchOutbox } from './dispatch-outbox.js';
import { createQueues, QUEUES, wakeJobId } from './queues.js';
import { listenForWakeUps, type WakeReason } from './wake-listener.js';
import { startWebhookPump } from './webhook-pump.js';

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
  /** Webhook delivery lag and failures are reported here (default: nowhere). */
  metrics?: Metrics;
  /**
   * The process's pg-boss, already started, when it has one (main.ts runs anchoring on it). Without it,
   * startJobs starts (and stops) its own.
   */
  boss?: PgBoss;
}

export interface Jobs {
  /** Stops taking jobs and waits for those running (up to 20 s with its own pg-boss): a delivery in flight is finished. */
  stop(): Promise<void>;
}

type Data = { key: string };
type Job = PgBoss.Job<Data>;

/** Workers per queue in this process (webhook lanes are the pump's, side by side, not pg-boss's). */
const WORKERS: Record<keyof typeof QUEUES, number> = { outbox: 1, notifications: 1, sweep: 1, reminders: 1 };

/**
 * Starts the background workers (outbox, webhooks, notifications, reminders) in this process (any number
 * of processes may run them: the tables are the truth, every runner claims its rows).
 *
 * Wake-ups: a change NOTIFYs after its commit (services/outbox/announce-outbox.ts) -> the listener
 * dispatches at once, queueing the dispatcher job (the retried path) only if that fails -> each batch
 * dispatched kicks this process's webhook pump, which delivers the lanes and sleeps until the next retry
 * (jobs/webhook-pump.ts). Notifications go through pg-boss jobs. A sweep every minute wakes anything a lost
 * wake-up left behind.
 */
export async function startJobs(deps: JobsDependencies): Promise<Jobs> {
  const { db, config } = deps;
  const clock = deps.clock ?? defaultClock;
  const log = deps.logger;
  const connection = connectionOf(db);
  const boss = deps.boss ?? new PgBoss({ ...connection, max: 4, application_name: 'lecoffre-jobs' });
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
    metrics: deps.metrics,
  };
  const notificationDeps = { db, clock, mailer: deps.mailer, sms: deps.sms, baseUrl: config.baseUrl };

  /**
   * Queues `queue` for `key` now, or at `at` (once, however many ask for that same time). `from` is the
   * job asking: a job woken a hair early asks for its own time again, and must not collide with itself.
   */
  const workerIds = new Map<string, string[]>();
  const wake = async (queue: string, key: string, at?: Date | null, from?: Job): Promise<void> => {
    if (!at || at.getTime() <= clock.now().getTime()) {
      await boss.send(queue, { key }, { singletonKey: key });
      // This process's idle workers fetch it now rather than at their next poll (pg-boss 10 has no
      // LISTEN/NOTIFY of its own); the first delivery attempt goes out well within a second of the commit.
      for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
      return;
    }
    let id = wakeJobId(queue, key, at);
    if (id === from?.id) id = wakeJobId(queue, `${key}#again`, at);
    await boss.send(queue, { key }, { singletonKey: key, startAfter: at, id });
  };
  const wakeNotifications = async (from?: Job) => {
    const dueTimes = [await nextNotificationDueAt(db), await nextDigestDueAt(db)].filter((d): d is Date => d !== null);
    if (dueTimes.length > 0) await wake(QUEUES.notifications, 'all', new Date(Math.min(...dueTimes.map((d) => d.getTime()))), from);
  };
  // Handlers running now, so that stop() can wait for them (pg-boss 10's offWork does not).
  const running = new Set<Promise<void>>();
  let stopping = false;
  const guarded =
    (name: string, handler: (job: Job) => Promise<void>) =>
    async ([job]: Job[]): Promise<void> => {
      // Fetched as the workers stopped: nothing is lost by skipping it, the tables are the truth and the
      // sweep of the next process to run wakes what it leaves.
      if (stopping) return;
      const run = handler(job);
      running.add(run.catch(() => {}));
      try {
        await run;
      } catch (error) {
        log?.error({ err: error, job: name }, 'jobs: handler failed (pg-boss retries it)');
        throw error;
      } finally {
        running.delete(run);
      }
    };
  const work = async (queue: keyof typeof QUEUES, options: PgBoss.WorkOptions, handler: PgBoss.WorkHandler<Data>) => {
    const ids: string[] = [];
    for (let i = 0; i < WORKERS[queue]; i++) ids.push(await boss.work<Data>(QUEUES[queue], { batchSize: 1, ...options }, handler));
    workerIds.set(QUEUES[queue], ids);
  };
  const polling = { pollingIntervalSeconds: 2 };

  // ── webhook delivery: the pump (not pg-boss) claims and delivers lanes ──
  const webhooks = startWebhookPump(delivery, {
    logger: log,
    onEndpointsDisabled: () => void wakeNotifications().catch((error: unknown) => log?.error({ err: error }, 'jobs: wake-up failed')),
  });
  // The outbox NOTIFY dispatches here at once (coalesced); the pg-boss outbox job stays the retried path.
  let dispatching: Promise<void> | undefined;
  let dispatchAgain = false;
  const dispatchNow = (): void => {
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = dispatchOutbox({ db, clock }, (batch) => {
      if (batch.lanes.length > 0) webhooks.kick();
    })
      .then(async (dispatched) => {
        if (dispatched.notifications > 0) await wakeNotifications();
      })
      .catch((error: unknown) => {
        log?.warn({ err: error }, 'jobs: dispatch on wake-up failed (the outbox job retries)');
        // Queued only now: a wake-up dispatched here needs no job of its own, which would cost the busiest
        // write path a pg-boss insert, fetch and completion per wake-up for a dispatch that finds nothing.
        wake(QUEUES.outbox, 'all').catch((wakeError: unknown) => log?.error({ err: wakeError }, 'jobs: wake-up failed'));
      })
      .finally(() => {
        dispatching = undefined;
        if (dispatchAgain) {
          dispatchAgain = false;
          dispatchNow();
        }
      });
  };
  // ── end webhook delivery ──

  await work(
    'outbox',
    polling,
    guarded('outbox', async () => {
      await dispatchOutbox({ db, clock }, (batch) => {
        if (batch.lanes.length > 0) webhooks.kick();
      });
      await wakeNotifications();
    }),
  );
  await work(
    'notifications',
    polling,
    guarded('notifications', async (job) => {
      await flushDueDigests(db, clock.now());
      for (;;) {
        const s = await sendDueNotifications(notificationDeps);
        if (s.sent + s.skipped + s.failed + s.retrying === 0) break;
      }
      await wakeNotifications(job);
    }),
  );
  await work(
    'sweep',
    polling,
    guarded('sweep', async () => {
      // Audit events a dead process committed without linking them into their office's chain.
      await linkAllOfficeChains(db);
      await wake(QUEUES.outbox, 'all');
      webhooks.kick();
      await wakeNotifications();
    }),
  );
  await work(
    'reminders',
    polling,
    guarded('reminders', async () => {
      if ((await planReminders({ db, clock })) > 0) await wakeNotifications();
    }),
  );
  await boss.schedule(QUEUES.sweep, '* * * * *', { key: 'all' }, { singletonKey: 'all' });
  // Reminders are planned every hour; each office's come out in its own office hours (planReminders), so
  // La Réunion's and Tahiti's too. A run missed while down is made up by the next.
  await boss.schedule(QUEUES.reminders, '0 * * * *', { key: 'all' }, { singletonKey: 'all' });

  const onWake = (reason: WakeReason) => {
    if (reason === 'anchoring') return; // the anchoring job listens for its own
    if (reason === 'outbox') return dispatchNow();
    if (reason === 'webhooks') webhooks.kick();
    wake(reason === 'webhooks' ? QUEUES.sweep : QUEUES.notifications, 'all').catch((error: unknown) =>
      log?.error({ err: error }, 'jobs: wake-up failed'),
    );
  };
  const listener = await listenForWakeUps(connection, onWake, (error) =>
    log?.warn({ err: error }, 'jobs: wake-up listener lost its connection'),
  );

  return {
    async stop() {
      await listener.close();
      await dispatching;
      await webhooks.stop();
      if (deps.boss) {
        // Someone else's pg-boss: stop our workers only, and wait for the jobs they are running.
        stopping = true;
        await Promise.all(Object.values(QUEUES).map((queue) => boss.offWork(queue)));
        await Promise.all(running);
      } else {
        await boss.stop({ graceful: true, timeout: 20_000 });
      }
    },
  };
}
