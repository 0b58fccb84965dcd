import type { Transaction } from 'sequelize';
import { requestStatusOf } from '../../domain/review.js';
import type { ServiceContext } from '../context.js';

/** Re-derives a request's status from its files (domain/review.ts) after one of them changed. */
export async function refreshRequestStatus(ctx: ServiceContext, transaction: Transaction, requestId: string): Promise<void> {
  const { DocumentRequest, DocumentFile } = ctx.db.models;
  const files = await DocumentFile.findAll({ where: { requestId }, attributes: ['status'], transaction });
  await DocumentRequest.update({ status: requestStatusOf(files.map((f) => f.status)) }, { where: { id: requestId }, transaction });
}
