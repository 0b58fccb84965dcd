import { type Transaction, UniqueConstraintError } from 'sequelize';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch } from '../../domain/text.js';
import { requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type ClientFields, normalizeClientFields } from './client-input.js';
import { type Client, clientSearchText, toClient } from './views.js';

export function emailTaken(existingId: string, path = 'email'): DomainError {
  return new DomainError('conflict', 'client_email_taken', 'A client of the office already uses this e-mail address.', [
    { path, message: `already used by client ${existingId}; attach that client instead` },
  ]);
}

/** Creates an office-level client, reusable across folders. Inside the caller's transaction when given one. */
export async function createClientIn(ctx: ServiceContext, transaction: Transaction, input: ClientFields, path = ''): Promise<Client> {
  requireStaff(ctx);
  const fields = normalizeClientFields(input, path);
  const { Client } = ctx.db.models;
  const existing = await Client.findOne({ where: { officeId: ctx.actor.officeId, emailNormalized: fields.emailNormalized }, transaction });
  if (existing) throw emailTaken(existing.id, `${path}email`);
  const values = {
    id: newId('cli'),
    officeId: ctx.actor.officeId,
    lastName: fields.lastName as string,
    firstName: fields.firstName as string,
    email: fields.email as string,
    emailNormalized: fields.emailNormalized as string,
    mobile: fields.mobile as string,
    language: fields.language ?? 'fr',
  };
  try {
    const row = await Client.create({ ...values, searchText: foldForSearch(clientSearchText(values)) }, { transaction });
    await recordAuditEvent(ctx, transaction, { action: 'client.created', subjectType: 'client', subjectId: row.id, folderId: null });
    return toClient(row);
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw emailTaken('(concurrent)', `${path}email`);
    throw error;
  }
}

export function createClient(ctx: ServiceContext, input: ClientFields): Promise<Client> {
  return ctx.db.sequelize.transaction((transaction) => createClientIn(ctx, transaction, input));
}
