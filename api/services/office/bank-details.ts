import { Op } from 'sequelize';
import { normalizeBic, normalizeIban } from '../../domain/bank.js';
import { DomainError, invalidField, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { tidy } from '../../domain/text.js';
import { requireNotary, requireStaff } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { type BankDetails, toBankDetails } from './views.js';

export interface BankDetailsInput {
  /**
   * @minLength 1
   * @maxLength 80
   */
  label: string;
  /**
   * Account holder as printed on the RIB.
   * @minLength 1
   * @maxLength 140
   */
  holder: string;
  /** @maxLength 42 */
  iban: string;
  /** @maxLength 14 */
  bic?: string;
}

export interface BankDetailsPatch extends Partial<BankDetailsInput> {}

function normalize(input: BankDetailsPatch) {
  const out: { label?: string; holder?: string; iban?: string; bic?: string | null } = {};
  if (input.label !== undefined) {
    out.label = tidy(input.label);
    if (!out.label) throw invalidField('label', 'must not be blank');
  }
  if (input.holder !== undefined) {
    out.holder = tidy(input.holder);
    if (!out.holder) throw invalidField('holder', 'must not be blank');
  }
  if (input.iban !== undefined) out.iban = normalizeIban(input.iban);
  if (input.bic !== undefined) out.bic = input.bic.trim() ? normalizeBic(input.bic) : null;
  return out;
}

async function loadBankDetails(ctx: ServiceContext, id: string) {
  const row = await ctx.db.models.BankDetails.findOne({ where: { id, officeId: ctx.actor.officeId, deletedAt: { [Op.is]: null } } });
  if (!row) throw notFound('bank_details');
  return row;
}

export async function listBankDetails(ctx: ServiceContext): Promise<BankDetails[]> {
  requireStaff(ctx);
  const rows = await ctx.db.models.BankDetails.findAll({
    where: { officeId: ctx.actor.officeId, deletedAt: { [Op.is]: null } },
    order: [['id', 'ASC']],
  });
  return rows.map(toBankDetails);
}

export async function getBankDetails(ctx: ServiceContext, id: string): Promise<BankDetails> {
  requireStaff(ctx);
  return toBankDetails(await loadBankDetails(ctx, id));
}

/** The office's RIB — a second one for "gestion locative" is just another entry. Changing bank details is a notary's act. */
export async function createBankDetails(ctx: ServiceContext, input: BankDetailsInput): Promise<BankDetails> {
  requireNotary(ctx);
  const fields = normalize(input);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.BankDetails.create(
      {
        id: newId('bank'),
        officeId: ctx.actor.officeId,
        label: fields.label as string,
        holder: fields.holder as string,
        iban: fields.iban as string,
        bic: fields.bic ?? null,
        fileId: null,
      },
      { transaction },
    );
    await recordAuditEvent(ctx, transaction, {
      action: 'bank_details.created',
      subjectType: 'bank_details',
      subjectId: row.id,
      folderId: null,
      data: { label: row.label, iban: row.iban },
    });
    return toBankDetails(row);
  });
}

export async function updateBankDetails(
  ctx: ServiceContext,
  id: string,
  input: BankDetailsPatch,
  expectedVersion?: number,
): Promise<BankDetails> {
  requireNotary(ctx);
  const fields = normalize(input);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadBankDetails(ctx, id);
    await row.reload({ transaction, lock: transaction.LOCK.UPDATE });
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new DomainError(
        'precondition_failed',
        'bank_details_modified',
        'These bank details changed since you loaded them; reload them.',
      );
    }
    await row.update({ ...fields, version: row.version + 1 }, { transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'bank_details.updated',
      subjectType: 'bank_details',
      subjectId: row.id,
      folderId: null,
      data: { fields: Object.keys(fields), iban: row.iban },
    });
    return toBankDetails(row);
  });
}

/** Soft delete: clients who were sent this RIB keep seeing what they were sent. */
export async function deleteBankDetails(ctx: ServiceContext, id: string): Promise<void> {
  requireNotary(ctx);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadBankDetails(ctx, id);
    await row.update({ deletedAt: new Date() }, { transaction });
    await recordAuditEvent(ctx, transaction, {
      action: 'bank_details.deleted',
      subjectType: 'bank_details',
      subjectId: row.id,
      folderId: null,
    });
  });
}
