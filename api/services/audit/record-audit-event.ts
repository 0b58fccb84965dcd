import { QueryTypes, type Transaction } from 'sequelize';
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
  /**
   * The folder was created by this very transaction: nobody else can write its chain yet, which starts
   * from its genesis here (no lock to take, no head to read).
   */
  folderIsNew?: boolean;
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
 * Writes one event inside the caller's transaction (the event exists if and only if the change does),
 * chained at once to its folder's chain (a lock per folder orders a folder's events), and linked into the
 * office's chain right after the commit, before the caller answers (link-office-chain.ts): writers of one
 * office no longer wait on each other for the whole of their transactions.
 */
export async function recordAuditEvent(ctx: ServiceContext, transaction: Transaction, entry: AuditEntry): Promise<void> {
  const { sequelize } = ctx.db;
  const { actor } = ctx;
  if (ctx.idempotencyClaim) await markIdempotentWrite(ctx.db, transaction, ctx.idempotencyClaim);
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
  let folderPrevHash: string | null = null;
  if (entry.folderId && entry.folderIsNew) folderPrevHash = folderGenesisHash(entry.folderId);
  else if (entry.folderId) {
    await lockFolderChain(ctx, transaction, entry.folderId);
    folderPrevHash = await lastFolderHash(ctx, transaction, entry.folderId);
  }
  await sequelize.query(
    `INSERT INTO audit_events (id, office_id, folder_id, actor_kind, actor_id, credential_id, ip, action, subject_type,
       subject_id, data, occurred_at, folder_prev_hash, folder_hash)
     VALUES (:id, :officeId, :folderId, :actorKind, :actorId, :credentialId, :ip, :action, :subjectType, :subjectId,
       :data, :occurredAt, :folderPrevHash, :folderHash)`,
    {
      replacements: {
        ...event,
        data: JSON.stringify(event.data),
        folderPrevHash,
        folderHash: folderPrevHash ? chainHash(folderPrevHash, event) : null,
      },
      transaction,
    },
  );
  if (!linkingAfterCommit.has(transaction)) {
    linkingAfterCommit.add(transaction);
    // Never fails the change, which is committed by then: what is left unlinked waits for the next linker.
    transaction.afterCommit(() =>
      linkOfficeChainAfterCommit(ctx.db, actor.officeId).then(
        () => {},
        () => {},
      ),
    );
  }
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
