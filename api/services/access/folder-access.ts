import { Op, type Transaction, Utils, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { ClientActor, ServiceContext, StaffActor } from '../context.js';

/**
 * What decides which folders an actor sees, and nothing else of the actor: two actors with the same reach
 * see the same folders (so they share one SQL text, below).
 */
interface Reach {
  officeId: string;
  /** A widget session bound to one folder. */
  folderId: string | null;
  /** A client: the folders they were added to. */
  clientId: string | null;
  /** A collaborator: folders open to the office, and those that list them. */
  collaboratorId: string | null;
}

function reachOf(ctx: ServiceContext): Reach {
  const { actor } = ctx;
  return {
    officeId: actor.officeId,
    folderId: actor.folderId,
    clientId: actor.kind === 'client' ? actor.clientId : null,
    collaboratorId: actor.kind !== 'client' && actor.role === 'collaborator' ? (actor.memberId ?? '') : null,
  };
}

/**
 * Which folders an actor may see, as a WHERE clause to AND with any query on folders:
 * - an API key or a notary: every folder of the office;
 * - a collaborator: folders open to the whole office, and those that list them;
 * - a client: the folders they were added to;
 * - any widget session bound to a folder: that folder only.
 * The office filter is always there: tenant isolation does not depend on the rest.
 */
export function visibleFolders(ctx: ServiceContext): WhereOptions<FolderRow> {
  return whereWithin(ctx, reachOf(ctx));
}

function whereWithin(ctx: ServiceContext, reach: Reach): WhereOptions<FolderRow> {
  const { sequelize } = ctx.db;
  const rules: WhereOptions<FolderRow>[] = [{ officeId: reach.officeId }];
  if (reach.folderId) rules.push({ id: reach.folderId });
  const sql = (text: string) => sequelize.literal(text);
  if (reach.clientId !== null) {
    rules.push({ id: { [Op.in]: sql(`(SELECT folder_id FROM folder_clients WHERE client_id = ${sequelize.escape(reach.clientId)})`) } });
  }
  if (reach.collaboratorId !== null) {
    const memberId = sequelize.escape(reach.collaboratorId);
    rules.push({
      [Op.or]: [{ access: 'office' }, { id: { [Op.in]: sql(`(SELECT folder_id FROM folder_members WHERE member_id = ${memberId})`) } }],
    });
  }
  return { [Op.and]: rules };
}

interface SelectQueryGenerator {
  selectQuery(table: string, options: { attributes: string[]; where: WhereOptions<FolderRow> }, model: unknown): string;
}

/** Writing the SQL through Sequelize's query generator costs more than the read it serves; actors recur. */
const subqueries = new Map<string, string>();
const MAX_CACHED_SUBQUERIES = 5000;

/** The ids of `visibleFolders` as SQL, for rules on rows that hang off folders (their clients). */
export function folderSubquery(ctx: ServiceContext): string {
  const reach = reachOf(ctx);
  const key = JSON.stringify(reach);
  let sql = subqueries.get(key);
  if (sql === undefined) {
    // Sequelize's query generator is public API at run time but missing from its type declarations.
    const generator = ctx.db.sequelize.getQueryInterface().queryGenerator as SelectQueryGenerator;
    const Folder = ctx.db.models.Folder;
    // As findAll does: attribute names (officeId) become column names (office_id) before SQL is written.
    const options = Utils.mapOptionFieldNames({ attributes: ['id'], where: whereWithin(ctx, reach) }, Folder);
    sql = generator
      .selectQuery('folders', options as { attributes: string[]; where: WhereOptions<FolderRow> }, Folder)
      .replace(/;\s*$/, '');
    if (subqueries.size >= MAX_CACHED_SUBQUERIES) subqueries.clear();
    subqueries.set(key, sql);
  }
  return sql;
}

/**
 * The one way services fetch a folder: within what the actor may see, so a foreign or hidden id is
 * "not found" (never "forbidden": that would reveal it exists). With a transaction, the row is locked
 * for the rest of it, which serialises changes to one folder's requests, files and counters.
 */
export async function loadFolder(ctx: ServiceContext, id: string, transaction?: Transaction): Promise<FolderRow> {
  const row = await ctx.db.models.Folder.findOne({
    where: { [Op.and]: [{ id }, visibleFolders(ctx)] },
    transaction,
    lock: transaction ? transaction.LOCK.UPDATE : undefined,
  });
  if (!row) throw notFound('folder');
  return row;
}

/** Staff-only operations (requesting, reviewing, editing) refuse clients with a 403 that reveals nothing. */
export function requireStaff(ctx: ServiceContext): StaffActor {
  if (ctx.actor.kind === 'client') {
    throw new DomainError('forbidden', 'staff_only', 'Only members of the office can do this.');
  }
  return ctx.actor;
}

export function requireClient(ctx: ServiceContext): ClientActor {
  if (ctx.actor.kind !== 'client') throw new DomainError('forbidden', 'client_only', 'Only a client can do this.');
  return ctx.actor;
}

/** Member approval and access lists are a notary's decisions (an API key acts for the office's notaries). */
export function requireNotary(ctx: ServiceContext): StaffActor {
  const actor = requireStaff(ctx);
  if (actor.role === 'collaborator') {
    throw new DomainError('forbidden', 'notary_only', 'Only a notary of the office can do this.');
  }
  return actor;
}

/** Who did it, for audit rows and `created_by`-like columns: the member, the client, or the API key. */
export function actorRef(ctx: ServiceContext): string {
  const { actor } = ctx;
  if (actor.kind === 'client') return actor.clientId;
  if (actor.app) return actor.app.id;
  return actor.memberId ?? actor.credentialId;
}
