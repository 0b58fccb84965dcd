import { Op } from 'sequelize';
import type { ServiceContext } from '../context.js';
import { type DocumentType, toDocumentType } from './views.js';

/** The global catalogue plus the office's own types, sorted by label as a French reader expects. */
export async function listDocumentTypes(ctx: ServiceContext): Promise<DocumentType[]> {
  const rows = await ctx.db.models.DocumentType.findAll({
    where: { [Op.or]: [{ officeId: null }, { officeId: ctx.actor.officeId }] },
  });
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return rows.map(toDocumentType).sort((a, b) => collator.compare(a.label, b.label));
}
