import { Op, UniqueConstraintError } from 'sequelize';
import { notFound } from '../../domain/errors.js';
import { foldForSearch } from '../../domain/text.js';
import { refuseSignInFactorChangeByWidget, visibleClients } from '../access/client-access.js';
import { requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { refreshFolderSearchForClient } from '../folders/refresh-folder-search.js';
import { type ClientFieldsPatch, normalizeClientFields } from './client-input.js';
import { emailTaken } from './create-client.js';
import { type Client, clientSearchText, toClient } from './views.js';

export async function updateClient(ctx: ServiceContext, id: string, input: ClientFieldsPatch): Promise<Client> {
  requireStaff(ctx);
  const fields = normalizeClientFields(input);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.Client.findOne({
      where: { [Op.and]: [{ id }, visibleClients(ctx)] },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('client');
    refuseSignInFactorChangeByWidget(ctx, input);
    const next = { ...fields };
    const merged = { lastName: next.lastName ?? row.lastName, firstName: next.firstName ?? row.firstName, email: next.email ?? row.email };
    try {
      await row.update({ ...next, searchText: foldForSearch(clientSearchText(merged)) }, { transaction });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw emailTaken('(another client)');
      throw error;
    }
    await refreshFolderSearchForClient(ctx, transaction, row.id);
    await recordAuditEvent(ctx, transaction, {
      action: 'client.updated',
      subjectType: 'client',
      subjectId: row.id,
      folderId: null,
      data: { fields: Object.keys(input) },
    });
    return toClient(row);
  });
}
