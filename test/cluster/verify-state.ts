/**
 * What must hold once the faults are over, read back through the API (as a vendor would) and from the
 * shared database: no acknowledged write lost, every stored file readable and intact, every webhook
 * delivered in order per folder, every folder anchored once.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LeCoffre } from '@lecoffre/sdk/node';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../api/db/database.js';
import { isPublicEventType } from '../../api/services/webhooks/event-catalogue.js';
import type { WebhookReceiver } from './infrastructure.js';
import type { Ledger } from './load.js';

/**
 * Polls `condition` (a database read) until it holds, the jobs settling on their own schedule; past the
 * deadline, says so in `problems` and lets the checks report what is missing.
 */
export async function settle(what: string, condition: () => Promise<boolean>, timeoutMs: number, problems: string[]): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) {
      problems.push(`${what}: not settled after ${timeoutMs / 1000} s`);
      break;
    }
    await sleep(250);
  }
  return Date.now() - started;
}

async function inBatches<T>(items: T[], parallel: number, each: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await each(item);
    }),
  );
}

/** Every acknowledged folder, request, file and review is there, as acknowledged. */
export async function verifyAcknowledged(sdk: LeCoffre, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  await inBatches([...ledger.folders.entries()], 4, async ([folderId, expected]) => {
    const folder = await sdk.folders.retrieve(folderId);
    if (folder.number !== expected.number) problems.push(`folder ${folderId}: number ${folder.number}, acknowledged ${expected.number}`);
    if (expected.clientId && !folder.clients.some((c) => c.id === expected.clientId)) problems.push(`folder ${folderId} lost its client`);
    const requests = (await sdk.documentRequests.list(folderId).page()).data;
    for (const id of expected.requestIds) if (!requests.some((r) => r.id === id)) problems.push(`request ${id} of ${folderId} lost`);
    const files = new Map(requests.flatMap((r) => r.files).map((f) => [f.id, f]));
    for (const acknowledged of ledger.files.values()) {
      if (acknowledged.folderId !== folderId) continue;
      const file = files.get(acknowledged.id);
      if (!file) problems.push(`file ${acknowledged.id} of ${folderId} lost`);
      else if (file.sha256 !== acknowledged.sha256)
        problems.push(`file ${acknowledged.id}: SHA-256 ${file.sha256}, sent ${acknowledged.sha256}`);
      else if (file.status !== acknowledged.status && file.status !== acknowledged.unanswered)
        problems.push(`file ${acknowledged.id}: ${file.status}, acknowledged ${acknowledged.status}`);
    }
  });
  return problems;
}

/** Every file the database holds opens through the API with the SHA-256 it was stored with. */
export async function verifyStoredFiles(sdk: LeCoffre, db: Database): Promise<{ problems: string[]; files: number; bytes: number }> {
  const rows = await db.sequelize.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM document_files', {
    type: QueryTypes.SELECT,
  });
  const problems: string[] = [];
  let bytes = 0;
  await inBatches(rows, 4, async (row) => {
    const blob = await sdk.documents.preview(row.id);
    const content = Buffer.from(await blob.arrayBuffer());
    bytes += content.length;
    const sha = createHash('sha256').update(content).digest('hex');
    if (sha !== row.sha256) problems.push(`file ${row.id} reads back with SHA-256 ${sha}, stored as ${row.sha256}`);
  });
  return { problems, files: rows.length, bytes };
}

export interface WebhookFindings {
  problems: string[];
  messages: number;
  folders: number;
  settledMs: number;
  /** Failed attempts counted by reason (`timeout: 2, http_500: 1`): a retry waits 5 s, then 5 min. */
  failedAttempts: string;
}

/** Every public event since the endpoint exists reached the receiver, once verified, in order per folder. */
export async function verifyWebhooks(
  db: Database,
  endpointId: string,
  receiver: WebhookReceiver,
  timeoutMs: number,
): Promise<WebhookFindings> {
  const pending = async () =>
    (
      await db.sequelize.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)
              + (SELECT count(*) FROM webhook_messages WHERE endpoint_id = :endpointId AND status = 'pending') AS n`,
        { replacements: { endpointId }, type: QueryTypes.SELECT },
      )
    )[0].n;
  const problems: string[] = [];
  const settledMs = await settle('webhook deliveries', async () => Number(await pending()) === 0, timeoutMs, problems);
  const messages = await db.sequelize.query<{ event_id: string; folder_id: string | null; status: string; event_seq: string }>(
    'SELECT event_id, folder_id, status, event_seq FROM webhook_messages WHERE endpoint_id = :endpointId ORDER BY event_seq',
    { replacements: { endpointId }, type: QueryTypes.SELECT },
  );
  const events = await db.sequelize.query<{ id: string; type: string }>(
    `SELECT o.id, o.type FROM outbox_events o, webhook_endpoints e WHERE e.id = :endpointId AND o.occurred_at > e.created_at`,
    { replacements: { endpointId }, type: QueryTypes.SELECT },
  );
  const messaged = new Set(messages.map((m) => m.event_id));
  const missing = events.filter((e) => isPublicEventType(e.type) && !messaged.has(e.id));
  if (missing.length) problems.push(`${missing.length} public events never became a message (${missing[0].type} ${missing[0].id}…)`);
  const undelivered = messages.filter((m) => m.status !== 'delivered');
  if (undelivered.length) {
    problems.push(`${undelivered.length} messages not delivered (${undelivered[0].status})`);
    problems.push(...(await whyUndelivered(db, endpointId)));
  }

  const arrived = new Map(receiver.arrivals.map((id, index) => [id, index]));
  const lost = messages.filter((m) => !arrived.has(m.event_id));
  if (lost.length) problems.push(`${lost.length} delivered messages never reached the receiver`);
  if (receiver.refused) problems.push(`${receiver.refused} deliveries failed their signature check`);
  const folders = new Map<string, number[]>();
  for (const m of messages) {
    const at = arrived.get(m.event_id);
    if (m.folder_id && at !== undefined) folders.set(m.folder_id, [...(folders.get(m.folder_id) ?? []), at]);
  }
  for (const [folderId, order] of folders) {
    // Messages come in event order; their first arrivals must too.
    if (order.some((at, i) => i > 0 && at < order[i - 1])) problems.push(`folder ${folderId}: events arrived out of order`);
  }
  const failures = await db.sequelize.query<{ reason: string; n: string }>(
    `SELECT coalesce(error, 'http_' || response_status) AS reason, count(*) AS n FROM webhook_attempts
      WHERE endpoint_id = :endpointId AND outcome = 'failed' GROUP BY 1 ORDER BY 2 DESC`,
    { replacements: { endpointId }, type: QueryTypes.SELECT },
  );
  const failedAttempts = failures.map((f) => `${f.reason}: ${f.n}`).join(', ');
  return { problems, messages: messages.length, folders: folders.size, settledMs, failedAttempts };
}

/**
 * Each lane still waiting, told by its head: its recorded attempts (error, status, when) and what holds
 * it (next attempt, lease), so that a run that does not settle says why.
 */
async function whyUndelivered(db: Database, endpointId: string): Promise<string[]> {
  const heads = await db.sequelize.query<{
    id: string;
    lane: string;
    attempts: number;
    next_attempt_at: Date | null;
    lease_until: Date | null;
    behind: string;
    tried: string | null;
  }>(
    `SELECT h.id, h.lane, h.attempts, h.next_attempt_at, h.lease_until,
            (SELECT count(*) FROM webhook_messages b WHERE b.lane = h.lane AND b.status = 'pending') - 1 AS behind,
            (SELECT string_agg(a.attempted_at::text || ' ' || a.outcome || ' ' || coalesce(a.error, a.response_status::text, '')
                               || ' ' || a.duration_ms || ' ms', '; ' ORDER BY a.attempt)
               FROM webhook_attempts a WHERE a.message_id = h.id) AS tried
       FROM (SELECT DISTINCT ON (lane) * FROM webhook_messages
              WHERE endpoint_id = :endpointId AND status = 'pending' ORDER BY lane, event_seq) h`,
    { replacements: { endpointId }, type: QueryTypes.SELECT },
  );
  const now = new Date().toISOString();
  return heads.map(
    (h) =>
      `lane ${h.lane}: head ${h.id} (${h.behind} behind), ${h.attempts} attempts [${h.tried ?? 'none recorded'}], ` +
      `next ${h.next_attempt_at ? new Date(h.next_attempt_at).toISOString() : '-'}, lease ${h.lease_until ? new Date(h.lease_until).toISOString() : '-'}, now ${now}`,
  );
}

export interface AnchoringFindings {
  problems: string[];
  folders: number;
  batches: number;
  settledMs: number;
}

/** Every folder whose anchoring was accepted ends anchored, in exactly one final batch, announced once. */
export async function verifyAnchoring(db: Database, ledger: Ledger, timeoutMs: number): Promise<AnchoringFindings> {
  const waiting = async () =>
    Number(
      (
        await db.sequelize.query<{ n: string }>('SELECT count(*) AS n FROM folder_anchors WHERE anchored_at IS NULL', {
          type: QueryTypes.SELECT,
        })
      )[0].n,
    );
  const problems: string[] = [];
  const settledMs = await settle('anchoring', async () => (await waiting()) === 0, timeoutMs, problems);
  const anchors = await db.sequelize.query<{ folder_id: string; batch_status: string | null; anchor_status: string | null }>(
    `SELECT a.folder_id, b.status AS batch_status, f.anchor_status
     FROM folder_anchors a JOIN folders f ON f.id = a.folder_id LEFT JOIN anchor_batches b ON b.id = a.batch_id`,
    { type: QueryTypes.SELECT },
  );
  const anchored = new Set(anchors.map((a) => a.folder_id));
  for (const id of ledger.anchored) if (!anchored.has(id)) problems.push(`folder ${id}: anchoring accepted, nothing recorded`);
  for (const a of anchors) {
    if (a.batch_status !== 'final' || a.anchor_status !== 'anchored') {
      problems.push(`folder ${a.folder_id}: batch ${a.batch_status}, folder ${a.anchor_status}`);
    }
  }
  const events = await db.sequelize.query<{ folder_id: string; type: string; n: string }>(
    `SELECT folder_id, type, count(*) AS n FROM outbox_events
     WHERE type IN ('folder.anchoring_started', 'folder.anchored') GROUP BY folder_id, type`,
    { type: QueryTypes.SELECT },
  );
  for (const e of events) if (Number(e.n) !== 1) problems.push(`folder ${e.folder_id}: ${e.n} ${e.type} events`);
  for (const type of ['folder.anchoring_started', 'folder.anchored']) {
    const announced = events.filter((e) => e.type === type).length;
    if (announced !== anchors.length) problems.push(`${announced} folders announced ${type}, ${anchors.length} anchored`);
  }
  const batches = await db.sequelize.query<{ n: string; folders: string }>(
    `SELECT count(*) AS n, coalesce(sum(folder_count), 0) AS folders FROM anchor_batches WHERE status = 'final'`,
    { type: QueryTypes.SELECT },
  );
  // A folder in two batches would count twice here.
  if (Number(batches[0].folders) !== anchors.length)
    problems.push(`final batches hold ${batches[0].folders} folders, ${anchors.length} anchored`);
  return { problems, folders: anchors.length, batches: Number(batches[0].n), settledMs };
}
