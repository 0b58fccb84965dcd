import { QueryTypes, type Transaction } from 'sequelize';
import { insertSql } from '../../db/insert-sql.js';
import { type ChainedEvent, chainHash, folderGenesisHash } from '../../domain/audit-chain.js';
import { newId } from '../../domain/ids.js';
import { actorRef } from '../access/folder-access.js';
import type { ServiceContext } from '../context.js';
import { markIdempotentWrite } from '../idempotency/idempotency-store.js';
import { linkOfficeChainAfterCommit } from './link-office-chain.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  folderId: string | null;
  data?: Record<string, unknown>;
}

/** Appends to one folder's chain are ordered by this lock, held to the end of the writer's transaction. */
async function lockFolderChain(ctx: ServiceContext, transaction: Transaction, folderId: string): Promise<void> {
  await ctx.db.sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('audit-folder:' || :folderId))`, {
    replacements: { folderId },
    transaction,
  });
}

/**
 * The head of a folder's own chain and its length, under the folder chain's lock: what a folder's proof
 * commits. The lock holds until the caller's transaction ends, so no event slips in between.
 */
export async function folderAuditHead(
  ctx: ServiceContext,
  transaction: Transaction,
  folderId: string,
): Promise<{ head: string; events: number }> {
  await lockFolderChain(ctx, transaction, folderId);
  const [row] = await ctx.db.sequelize.query<{ events: string; head: string | null }>(
    `SELECT count(*) AS events,
       (SELECT folder_hash FROM audit_events WHERE folder_id = :folderId ORDER BY seq DESC LIMIT 1) AS head
     FROM audit_events WHERE folder_id = :folderId`,
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
  return { head: row?.head ?? folderGenesisHash(folderId), events: Number(row?.events ?? 0) };
}

/**
 * The audit_events row of `entry` by column, chained to its folder's chain after `folderPrevHash` (null for
 * an event outside folders): what recordAuditEvent inserts, and what a change written as one statement
 * inserts itself.
 */
export function auditEventRow(ctx: ServiceContext, entry: AuditEntry, folderPrevHash: string | null): Record<string, unknown> {
  const { actor } = ctx;
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
  return {
    id: event.id,
    office_id: event.officeId,
    folder_id: event.folderId,
    actor_kind: event.actorKind,
    actor_id: event.actorId,
    credential_id: event.credentialId,
    ip: event.ip,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    data: JSON.stringify(event.data),
    occurred_at: event.occurredAt,
    folder_prev_hash: folderPrevHash,
    folder_hash: folderPrevHash ? chainHash(folderPrevHash, event) : null,
  };
}

/**
 * Writes one event inside the caller's transaction (the event exists if and only if the change does),
 * chained at once to its folder's chain (a lock per folder orders a folder's events), and linked into the
 * office's chain right after the commit, before the caller answers (link-office-chain.ts): writers of one
 * office no longer wait on each other for the whole of their transactions.
 */
export async function recordAuditEvent(ctx: ServiceContext, transaction: Transaction, entry: AuditEntry): Promise<void> {
  if (ctx.idempotencyClaim) await markIdempotentWrite(ctx.db, transaction, ctx.idempotencyClaim);
  let folderPrevHash: string | null = null;
  if (entry.folderId) {
    await lockFolderChain(ctx, transaction, entry.folderId);
    folderPrevHash = await lastFolderHash(ctx, transaction, entry.folderId);
  }
  const values: unknown[] = [];
  await ctx.db.sequelize.query(insertSql('audit_events', auditEventRow(ctx, entry, folderPrevHash), values), { bind: values, transaction });
  if (!linkingAfterCommit.has(transaction)) {
    linkingAfterCommit.add(transaction);
    transaction.afterCommit(() => linkOfficeChainOfCommittedChange(ctx));
  }
}

/**
 * What follows the commit of a change that wrote audit events: its office's chain linked, before the
 * change answers. Never fails the change, committed by then: what is left unlinked waits for the next linker.
 */
export function linkOfficeChainOfCommittedChange(ctx: ServiceContext): Promise<void> {
  return linkOfficeChainAfterCommit(ctx.db, ctx.actor.officeId).then(
    () => {},
    () => {},
  );
}

// One linking per transaction, however many events it wrote.
const linkingAfterCommit = new WeakSet<Transaction>();

async function lastFolderHash(ctx: ServiceContext, transaction: Transaction, folderId: string): Promise<string> {
  const [last] = await ctx.db.sequelize.query<{ folder_hash: string }>(
    'SELECT folder_hash FROM audit_events WHERE folder_id = :folderId ORDER BY seq DESC LIMIT 1',
    { replacements: { folderId }, type: QueryTypes.SELECT, transaction },
  );
  return last?.folder_hash ?? folderGenesisHash(folderId);
}
