import { QueryTypes, type Transaction } from 'sequelize';
import type { FolderRow } from '../../db/models/folder.js';
import { completionOf, type RequestStatus } from '../../domain/review.js';
import type { FinalisedAnchor } from '../../ports/anchor.js';
import type { ServiceContext } from '../context.js';
import { type Folder, type FolderAnchorSummary, type FolderClient, type FolderFields, toFolder } from './views.js';

interface ClientCountRow {
  folder_id: string;
  client_id: string;
  total: number;
  validated: number;
}

/**
 * Turns folder rows into API folders inside a transaction (anchoring settles its batch so), with a fixed
 * number of queries whatever the number of rows: deed types, clients, per-client completion and access
 * lists are fetched for all rows at once. A client actor sees only themself among the folder's clients.
 * Reads outside a transaction go through `readFolders` (read-folders.ts), one prepared statement that
 * answers the same JSON.
 */
export async function presentFolders(ctx: ServiceContext, rows: FolderRow[], transaction?: Transaction): Promise<Folder[]> {
  if (rows.length === 0) return [];
  const { models, sequelize } = ctx.db;
  const folderIds = rows.map((r) => r.id);
  // One after the other: inside a transaction they share one connection anyway (pg refuses overlap).
  const deedTypes = await models.DeedType.findAll({ where: { id: [...new Set(rows.map((r) => r.deedTypeId))] }, transaction });
  const links = await models.FolderClient.findAll({
    where: { folderId: folderIds },
    order: [
      ['createdAt', 'ASC'],
      ['clientId', 'ASC'],
    ],
    transaction,
  });
  const members = await models.FolderMember.findAll({ where: { folderId: folderIds }, order: [['memberId', 'ASC']], transaction });
  const counts = await sequelize.query<ClientCountRow>(
    `SELECT folder_id, client_id, count(*) AS total, count(*) FILTER (WHERE status = :validated) AS validated
     FROM document_requests WHERE folder_id IN (:folderIds) AND cancelled_at IS NULL GROUP BY folder_id, client_id`,
    { replacements: { folderIds, validated: 'validated' satisfies RequestStatus }, type: QueryTypes.SELECT, transaction },
  );
  const anchoredIds = rows.filter((r) => r.anchorStatus !== null).map((r) => r.id);
  const anchors = anchoredIds.length ? await models.FolderAnchor.findAll({ where: { folderId: anchoredIds }, transaction }) : [];
  const batchIds = [...new Set(anchors.flatMap((a) => (a.batchId ? [a.batchId] : [])))];
  const batches = batchIds.length ? await models.AnchorBatch.findAll({ where: { id: batchIds }, transaction }) : [];
  const { actor } = ctx;
  const visibleLinks = actor.kind === 'client' ? links.filter((l) => l.clientId === actor.clientId) : links;
  const clients = await models.Client.findAll({ where: { id: [...new Set(visibleLinks.map((l) => l.clientId))] }, transaction });
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const deedById = new Map(deedTypes.map((d) => [d.id, d]));
  const countOf = new Map(counts.map((c) => [`${c.folder_id}/${c.client_id}`, c]));

  return rows.map((row) => {
    const deedType = deedById.get(row.deedTypeId);
    if (!deedType) throw new Error(`folder ${row.id} refers to missing deed type ${row.deedTypeId}`);
    const folderClients: FolderClient[] = visibleLinks
      .filter((l) => l.folderId === row.id)
      .flatMap((l) => {
        const c = clientById.get(l.clientId);
        if (!c) return [];
        const n = countOf.get(`${row.id}/${c.id}`);
        return [
          {
            id: c.id,
            lastName: c.lastName,
            firstName: c.firstName,
            email: c.email,
            mobile: c.mobile,
            completion: completionOf(n?.validated ?? 0, n?.total ?? 0),
          },
        ];
      });
    const anchor = anchors.find((a) => a.folderId === row.id);
    const final = anchor?.anchoredAt ? batches.find((b) => b.id === anchor.batchId)?.final : undefined;
    return toFolder(row, {
      deedType,
      clients: folderClients,
      memberIds: members.filter((m) => m.folderId === row.id).map((m) => m.memberId),
      hideNote: ctx.actor.kind === 'client',
      anchor: anchorSummaryOf(row, anchor, final ?? undefined),
    });
  });
}

/** Where the folder stands on the chain: its anchoring request, and the batch's final operation once anchored. */
export function anchorSummaryOf(
  row: Pick<FolderFields, 'anchorStatus' | 'anchorError'>,
  anchor: { requestedAt: Date; anchoredAt?: Date | null } | undefined,
  final: FinalisedAnchor | undefined,
): FolderAnchorSummary | null {
  if (!row.anchorStatus || !anchor) return null;
  return {
    status: row.anchorStatus,
    error: row.anchorError ?? null,
    requestedAt: anchor.requestedAt,
    anchoredAt: anchor.anchoredAt ?? null,
    network: final?.network ?? null,
    operationHash: final?.operationHash ?? null,
    explorerUrl: final?.kind === 'tezos' ? final.explorerUrl : null,
  };
}

export async function presentFolder(ctx: ServiceContext, row: FolderRow, transaction?: Transaction): Promise<Folder> {
  const [folder] = await presentFolders(ctx, [row], transaction);
  return folder;
}
