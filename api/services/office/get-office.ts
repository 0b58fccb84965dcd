import { notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { type Office, toOffice } from './views.js';

/** The caller's office (clients see the office handling their folders, as the guide's client page shows). */
export async function getOffice(ctx: ServiceContext): Promise<Office> {
  const row = await ctx.db.models.Office.findByPk(ctx.actor.officeId);
  if (!row) throw notFound('office');
  return toOffice(row);
}
