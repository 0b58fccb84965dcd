import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { bind } from '../../db/prepared-read.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { ClientActor, ServiceContext, StaffActor } from '../context.js';

/**
 * What decides which folders an actor sees, and nothing else of the actor: two actors with the same reach
 * see the same folders.
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
 * Which folders an actor may see:
 * - an API key or a notary: every folder of the office;
 * - a collaborator: folders open to the whole office, and those that list them;
 * - a client: the folders they were added to;
 * - any widget session bound to a folder: that folder only.
 * The office filter is always there: tenant isolation does not depend on the rest.
 *
 * Written once, as SQL on the folders row `alias`; `value` writes each of the reach's values into it (escaped
 * in place, or as a bind parameter). The text's shape depends only on which of the reach's fields are set.
 */
function reachCondition(reach: Reach, alias: string, value: (v: string) => string): string {
  const rules = [`${alias}.office_id = ${value(reach.officeId)}`];
  if (reach.folderId) rules.push(`${alias}.id = ${value(reach.folderId)}`);
  if (reach.clientId !== null) {
    rules.push(`${alias}.id IN (SELECT folder_id FROM folder_clients WHERE client_id = ${value(reach.clientId)})`);
  }
  if (reach.collaboratorId !== null) {
    const open: FolderRow['access'] = 'office';
    rules.push(
      `(${alias}.access = '${open}' OR ${alias}.id IN (SELECT folder_id FROM folder_members WHERE member_id = ${value(reach.collaboratorId)}))`,
    );
  }
  return rules.join(' AND ');
}

/** The folders an actor sees, as a WHERE clause to AND with any query on the Folder model. */
export function visibleFolders(ctx: ServiceContext): WhereOptions<FolderRow> {
  const { sequelize } = ctx.db;
  // Model queries name the folders table after its model.
  return sequelize.literal(reachCondition(reachOf(ctx), `"${ctx.db.models.Folder.name}"`, (v) => sequelize.escape(v)));
}

/** The ids of `visibleFolders` as SQL, for rules on rows that hang off folders (their clients). */
export function folderSubquery(ctx: ServiceContext): string {
  const { sequelize } = ctx.db;
  return `SELECT visible.id FROM folders visible WHERE ${reachCondition(reachOf(ctx), 'visible', (v) => sequelize.escape(v))}`;
}

/**
 * `visibleFolders` on the folders row `alias` of a statement with bind parameters: the reach's values are
 * appended to `values` and referenced as $n. One text per shape of reach, fit for prepared statements.
 */
export function visibleFoldersBound(ctx: ServiceContext, alias: string, values: unknown[]): string {
  return reachCondition(reachOf(ctx), alias, (v) => bind(values, v));
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
