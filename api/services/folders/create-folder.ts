import { QueryTypes, type Transaction, UniqueConstraintError } from 'sequelize';
import { columnsOf, insertSql } from '../../db/insert-sql.js';
import { folderGenesisHash } from '../../domain/audit-chain.js';
import { DomainError, invalidField } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { foldForSearch, tidy } from '../../domain/text.js';
import { actorRef, requireStaff } from '../access/folder-access.js';
import { auditEventRow, linkOfficeChainOfCommittedChange } from '../audit/record-audit-event.js';
import type { ServiceContext } from '../context.js';
import { markIdempotentWrite } from '../idempotency/idempotency-store.js';
import { announceOutbox } from '../outbox/announce-outbox.js';
import { announcementOf, OUTBOX_RETURNING, type OutboxInserted, outboxEventRow } from '../outbox/emit-event.js';
import { resolveDeedType } from './resolve-deed-type.js';
import { type Folder, toFolder } from './views.js';

export interface CreateFolderInput {
  /**
   * The office's folder number, unique within the office.
   * @minLength 1
   * @maxLength 50
   * @pattern ^[^\u0000-\u001f]*$
   */
  number: string;
  /**
   * @minLength 1
   * @maxLength 200
   * @pattern ^[^\u0000-\u001f]*$
   */
  title: string;
  /** A deed type code from `GET /v1/deed-types`, e.g. `succession`. */
  deedType: string;
  /**
   * A note for the office's members; clients never see it.
   * @maxLength 5000
   */
  note?: string;
}

/**
 * The folder, its audit event and its webhook event in one statement, sent as it is (no transaction around
 * it to open and commit: one statement commits alone, all of it or nothing). With an Idempotency-Key the
 * key's claim is marked in the same transaction. Then, as after any change: the office chain linked, the
 * outbox announced.
 */
export async function createFolder(ctx: ServiceContext, input: CreateFolderInput): Promise<Folder> {
  requireStaff(ctx);
  const number = tidy(input.number);
  const title = tidy(input.title);
  if (number.length === 0) throw invalidField('number', 'must not be blank');
  if (title.length === 0) throw invalidField('title', 'must not be blank');
  const deedType = await resolveDeedType(ctx, input.deedType);
  const { Folder } = ctx.db.models;
  const now = new Date();
  const row = Folder.build({
    id: newId('fld'),
    officeId: ctx.actor.officeId,
    number,
    title,
    deedTypeId: deedType.id,
    note: input.note?.trim() ?? '',
    searchText: foldForSearch(`${number} ${title}`),
    createdBy: actorRef(ctx),
    createdAt: now,
    updatedAt: now,
  });
  // A new folder has no clients, members or anchor yet: presented without reading them back.
  const folder = toFolder(row, { deedType, clients: [], memberIds: [], hideNote: false, anchor: null });
  const audit = auditEventRow(
    ctx,
    {
      action: 'folder.created',
      subjectType: 'folder',
      subjectId: row.id,
      folderId: row.id,
      data: { number, title, deedType: deedType.code },
    },
    // Nobody else can write the chain of a folder this statement creates: it starts from its genesis.
    folderGenesisHash(row.id),
  );
  const outbox = outboxEventRow(ctx, 'folder.created', row.id, folder);
  const values: unknown[] = [];
  // Data-modifying WITH clauses run to completion whether read or not; foreign keys are checked at the end.
  const statement = `WITH folder AS (${insertSql('folders', columnsOf(Folder, row), values)}),
    audit AS (${insertSql('audit_events', audit, values)})
    ${insertSql('outbox_events', outbox, values)} RETURNING ${OUTBOX_RETURNING}`;
  const write = (transaction?: Transaction) =>
    ctx.db.sequelize.query<OutboxInserted>(statement, { bind: values, transaction, type: QueryTypes.SELECT });
  const claim = ctx.idempotencyClaim;
  let inserted: Array<OutboxInserted>;
  try {
    inserted = claim
      ? await ctx.db.sequelize.transaction(async (transaction) => {
          await markIdempotentWrite(ctx.db, transaction, claim);
          return write(transaction);
        })
      : await write();
  } catch (error) {
    // Two concurrent creations with one number: the unique index decides, the loser gets a 409.
    if (error instanceof UniqueConstraintError) throw duplicateNumber(number);
    throw error;
  }
  await linkOfficeChainOfCommittedChange(ctx);
  announceOutbox(ctx.db, [announcementOf(outbox, inserted[0] as OutboxInserted)]);
  return folder;
}

export function duplicateNumber(number: string): DomainError {
  return new DomainError('conflict', 'folder_number_taken', `Folder number "${number}" is already used in this office.`, [
    { path: 'number', message: 'already used by another folder of this office' },
  ]);
}
