import type { Transaction } from 'sequelize';
import { DomainError, notFound } from '../../domain/errors.js';
import { ensureFolderOpen } from '../../domain/folder-state.js';
import { refuseLinkingExistingClientByWidget } from '../access/client-access.js';
import { loadFolder, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { type ClientFields } from '../clients/client-input.js';
import { createClientIn } from '../clients/create-client.js';
import type { ServiceContext } from '../context.js';
import { emitEvent } from '../outbox/emit-event.js';
import { presentFolder } from './present-folders.js';
import { refreshFolderSearch } from './refresh-folder-search.js';
import type { Folder, FolderClient } from './views.js';

/** "Associer un client": an existing client of the office by id, or a new one created on the spot. */
export interface AddFolderClientInput {
  clientId?: string;
  client?: ClientFields;
}

async function resolveClientId(ctx: ServiceContext, transaction: Transaction, input: AddFolderClientInput): Promise<string> {
  if ((input.clientId === undefined) === (input.client === undefined)) {
    throw new DomainError('invalid', 'validation_failed', 'Give either clientId or client, not both.', [
      { path: 'clientId', message: 'give either clientId (an existing client) or client (a new one)' },
    ]);
  }
  if (input.client) return (await createClientIn(ctx, transaction, input.client, 'client.')).id;
  refuseLinkingExistingClientByWidget(ctx);
  const existing = await ctx.db.models.Client.findOne({ where: { id: input.clientId, officeId: ctx.actor.officeId }, transaction });
  if (!existing) throw notFound('client');
  return existing.id;
}

/** What adding a client answers (since `LeCoffre-Version: 2026-12-09`): the client added, and its folder. */
export interface FolderClientLink {
  /** The client just added, as the folder shows it (with its completion in this folder). */
  client: FolderClient;
  /** The folder after the change: its `clients` list the new one, its `version` moved on. */
  folder: Folder;
}

export async function addFolderClient(ctx: ServiceContext, folderId: string, input: AddFolderClientInput): Promise<FolderClientLink> {
  requireStaff(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadFolder(ctx, folderId, transaction);
    ensureFolderOpen(row);
    const clientId = await resolveClientId(ctx, transaction, input);
    const { FolderClient } = ctx.db.models;
    if (await FolderClient.findOne({ where: { folderId, clientId }, transaction })) {
      throw new DomainError('conflict', 'client_already_in_folder', 'This client is already on the folder.', [
        { path: 'clientId', message: 'already on this folder' },
      ]);
    }
    await FolderClient.create({ folderId, clientId, officeId: ctx.actor.officeId }, { transaction });
    await refreshFolderSearch(ctx, transaction, folderId);
    await row.reload({ transaction });
    const folder = await presentFolder(ctx, row, transaction);
    await recordAuditEvent(ctx, transaction, { action: 'folder.client_added', subjectType: 'client', subjectId: clientId, folderId });
    const client = folder.clients.find((c) => c.id === clientId);
    if (!client) throw new Error(`the folder read back does not list client ${clientId}`);
    await emitEvent(ctx, transaction, 'client.added', folderId, { folderId, client });
    return { client, folder };
  });
}
