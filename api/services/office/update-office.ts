import { DomainError, notFound } from '../../domain/errors.js';
import { isTimeZone } from '../../domain/time-zones.js';
import { requireNotary } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type Office, toOffice } from './views.js';

export interface OfficePatch {
  /**
   * The office's time zone, an IANA name (`Europe/Paris`, `Indian/Reunion`, `America/Martinique`,
   * `Pacific/Noumea`…): every time shown to the office and its clients is in it.
   * @example "Indian/Reunion"
   */
  timeZone?: string;
}

/** Changes the office's settings; only a notary (or the office's API key) may. */
export async function updateOffice(ctx: ServiceContext, patch: OfficePatch): Promise<Office> {
  requireNotary(ctx);
  const timeZone = patch.timeZone?.trim();
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new DomainError('invalid', 'validation_failed', 'Unknown time zone.', [
      { path: 'timeZone', message: 'Expected an IANA time zone name, such as Europe/Paris or Indian/Reunion.' },
    ]);
  }
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.Office.findByPk(ctx.actor.officeId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw notFound('office');
    if (timeZone === undefined || timeZone === row.timeZone) return toOffice(row);
    const before = row.timeZone;
    await row.update({ timeZone }, { transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'office.updated',
      subjectType: 'office',
      subjectId: row.id,
      folderId: null,
      data: { timeZone: { from: before, to: timeZone } },
    });
    return toOffice(row);
  });
}
