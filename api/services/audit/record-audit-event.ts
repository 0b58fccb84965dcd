import { QueryTypes, type Transaction } from 'sequelize';
import { type ChainedEvent, chainHash, GENESIS_HASH } from '../../domain/audit-chain.js';
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

/**
 * Appends one event to the office's hash chain, inside the caller's transaction: the event exists if and
 * only if the change does. An advisory lock per office orders concurrent appends, so each event's
 * prev_hash is the hash of the one before it.
 */
export async function recordAuditEvent(ctx: ServiceContext, transaction: Transaction, entry: AuditEntry): Promise<void> {
  const { sequelize } = ctx.db;
  const { actor } = ctx;
  await sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || :officeId))`, {
    replacements: { officeId: actor.officeId },
    transaction,
  });
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
  await sequelize.query(
    `INSERT INTO audit_events (id, office_id, folder_id, actor_kind, actor_id, credential_id, ip, action, subject_type,
       subject_id, data, occurred_at, prev_hash, hash)
     VALUES (:id, :officeId, :folderId, :actorKind, :actorId, :credentialId, :ip, :action, :subjectType, :subjectId,
       :data, :occurredAt, :prevHash, :hash)`,
    {
      replacements: { ...event, data: JSON.stringify(event.data), prevHash, hash: chainHash(prevHash, event) },
      transaction,
    },
  );
}
