import type { Transaction } from 'sequelize';
import type { DeedTypeRow } from '../../db/models/catalogue.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';

/** A deed type named by its code in a request body; unknown codes are the caller's mistake (422). */
export async function resolveDeedType(ctx: ServiceContext, code: string, transaction?: Transaction): Promise<DeedTypeRow> {
  const row = await ctx.db.models.DeedType.findOne({ where: { code }, transaction });
  if (!row) {
    throw new DomainError('invalid', 'unknown_deed_type', `Unknown deed type "${code}".`, [
      { path: 'deedType', message: 'unknown deed type code; see GET /v1/deed-types' },
    ]);
  }
  return row;
}
