import { QueryTypes, type Sequelize } from 'sequelize';
import type { ChainedEvent } from '../../domain/audit-chain.js';

export interface AuditRow extends ChainedEvent {
  seq: number;
  /** The office chain's links: null only between the change's commit and its linking (link-office-chain.ts). */
  prevHash: string;
  hash: string;
  /** The folder's own chain (null for office-wide events). */
  folderPrevHash: string | null;
  folderHash: string | null;
}

export interface RawAuditRow {
  seq: number;
  id: string;
  office_id: string;
  folder_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  credential_id: string | null;
  ip: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: unknown;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
  chain_seq: string | null;
  folder_prev_hash: string | null;
  folder_hash: string | null;
}

/**
 * Reads audit rows back in chain order, in the exact shape that was hashed: an office's linked events in
 * their chain order, or a folder's events in the order they were written.
 */
export async function readAuditRows(sequelize: Sequelize, where: 'office' | 'folder', id: string): Promise<AuditRow[]> {
  const sql =
    where === 'office'
      ? 'SELECT * FROM audit_events WHERE office_id = :id AND chain_seq IS NOT NULL ORDER BY chain_seq'
      : 'SELECT * FROM audit_events WHERE folder_id = :id ORDER BY seq';
  const rows = await sequelize.query<RawAuditRow>(sql, { replacements: { id }, type: QueryTypes.SELECT });
  return rows.map(toAuditRow);
}

export function toAuditRow(r: RawAuditRow): AuditRow {
  return {
    seq: r.seq,
    id: r.id,
    officeId: r.office_id,
    folderId: r.folder_id,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    credentialId: r.credential_id,
    ip: r.ip,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: r.data,
    occurredAt: r.occurred_at.toISOString(),
    prevHash: r.prev_hash,
    hash: r.hash,
    folderPrevHash: r.folder_prev_hash,
    folderHash: r.folder_hash,
  };
}
