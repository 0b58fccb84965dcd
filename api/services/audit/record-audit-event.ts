import { QueryTypes, type Transaction } from 'sequelize';
import { type ChainedEvent, chainHash, folderGenesisHash, GENESIS_HASH } from '../../domain/audit-chain.js';
import { newId } from '../../domain/ids.js';
import { actorRef } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  folderId: string | null;
  data?: Record<string, unknown>;
}

async function lockOfficeChain(ctx: ServiceContext, transaction: Transaction): Promise<void> {
  await ctx.db.sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || :officeId))`, {
    replacements: { officeId: ctx.actor.officeId },
    transaction,
  });
}

/**
 * The head of a folder's own chain and its length, under the office's lock: what a folder's proof commits.
 * The lock holds until the caller's transaction ends, so no event slips in between.
 */
export async function folderAuditHead(
  ctx: ServiceContext,
  transaction: Transaction,
  folderId: string,
): Promise<{ head: string; events: number }> {
  await lockOfficeChain(ctx, transaction);
  const [row] = await ctx.db.sequelize.query<{ events: string; head: string | null }>(
    `SELECT count(*) AS events,
       (SELECT folder_hash FROM audit_events WHERE folder_id = :folderId ORDER BY seq DESC LIMIT 1) AS head
     FROM audit_events WHERE folder_id = :folderId`,
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
  return { head: row?.head ?? folderGenesisHash(folderId), events: Number(row?.events ?? 0) };
}

/**
 * Appends one event to the office's hash chain and, for a folder's event, to that folder's chain, inside the
 * caller's transaction: the event exists if and only if the change does. An advisory lock per office orders
 * concurrent appends, so each event's prev_hash (and folder_prev_hash) is the hash of the one before it.
 */
export async function recordAuditEvent(ctx: ServiceContext, transaction: Transaction, entry: AuditEntry): Promise<void> {
  const { sequelize } = ctx.db;
  const { actor } = ctx;
  await lockOfficeChain(ctx, transaction);
  const [last] = await sequelize.query<{ hash: string }>(
    'SELECT hash FROM audit_events WHERE office_id = :officeId ORDER BY seq DESC LIMIT 1',
    { replacements: { officeId: actor.officeId }, type: QueryTypes.SELECT, transaction },
  );
  const prevHash = last?.hash ?? GENESIS_HASH;
  const event: ChainedEvent = {
    id: newId('evt'),
    officeId: actor.officeId,
    folderId: entry.folderId,
    actorKind: actor.kind,
    actorId: actorRef(ctx),
    credentialId: actor.credentialId,
    ip: actor.ip,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? {},
    occurredAt: new Date().toISOString(),
  };
  const folderPrevHash = entry.folderId ? await lastFolderHash(ctx, transaction, entry.folderId) : null;
  await sequelize.query(
    `INSERT INTO audit_events (id, office_id, folder_id, actor_kind, actor_id, credential_id, ip, action, subject_type,
       subject_id, data, occurred_at, prev_hash, hash, folder_prev_hash, folder_hash)
     VALUES (:id, :officeId, :folderId, :actorKind, :actorId, :credentialId, :ip, :action, :subjectType, :subjectId,
       :data, :occurredAt, :prevHash, :hash, :folderPrevHash, :folderHash)`,
    {
      replacements: {
        ...event,
        data: JSON.stringify(event.data),
        prevHash,
        hash: chainHash(prevHash, event),
        folderPrevHash,
        folderHash: folderPrevHash ? chainHash(folderPrevHash, event) : null,
      },
      transaction,
    },
  );
}

async function lastFolderHash(ctx: ServiceContext, transaction: Transaction, folderId: string): Promise<string> {
  const [last] = await ctx.db.sequelize.query<{ folder_hash: string }>(
    'SELECT folder_hash FROM audit_events WHERE folder_id = :folderId ORDER BY seq DESC LIMIT 1',
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
  return last?.folder_hash ?? folderGenesisHash(folderId);
}
