import { Op, type WhereOptions } from 'sequelize';
import type { ApiKeyRow } from '../../db/models/office.js';
import { DomainError, invalidField, notFound } from '../../domain/errors.js';
import { tidy } from '../../domain/text.js';
import { requireNotary } from '../access/folder-access.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { forgetApiKey } from '../auth/verified-api-keys.js';
import type { ServiceContext, StaffActor } from '../context.js';
import { type Page, pageRequest, toPage } from '../pagination.js';
import { mintApiKey } from './mint-api-key.js';
import { type ApiKey, type CreatedApiKey, toApiKey } from './views.js';

export interface CreateApiKeyInput {
  /**
   * What the key is for ("Logiciel de rédaction — production").
   * @minLength 1
   * @maxLength 100
   * @pattern ^[^\u0000-\u001f]*$
   */
  name: string;
  mode: 'live' | 'test';
}

/**
 * API keys are an office notary's decision, taken signed in with ID.not: neither an API key (a leaked key
 * could otherwise mint its own successors) nor a widget session may manage them.
 */
function requireNotarySignedIn(ctx: ServiceContext): StaffActor & { memberId: string } {
  const actor = requireNotary(ctx);
  if (actor.kind !== 'member' || !actor.memberId) {
    throw new DomainError('forbidden', 'member_session_required', 'Sign in with ID.not as a notary of the office to manage API keys.');
  }
  return { ...actor, memberId: actor.memberId };
}

export async function listApiKeys(ctx: ServiceContext, query: { limit?: number; cursor?: string }): Promise<Page<ApiKey>> {
  requireNotarySignedIn(ctx);
  const page = pageRequest(query.limit, query.cursor);
  const where: WhereOptions<ApiKeyRow>[] = [{ officeId: ctx.actor.officeId }];
  if (page.after) where.push({ id: { [Op.lt]: page.after } });
  const rows = await ctx.db.models.ApiKey.findAll({ where: { [Op.and]: where }, order: [['id', 'DESC']], limit: page.limit + 1 });
  return toPage(rows, page, toApiKey);
}

export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const actor = requireNotarySignedIn(ctx);
  const name = tidy(input.name);
  if (!name) throw invalidField('name', 'must not be blank');
  return ctx.db.sequelize.transaction(async (transaction) => {
    const minted = await mintApiKey(
      ctx.db,
      { officeId: actor.officeId, name, mode: input.mode, createdByMemberId: actor.memberId },
      transaction,
    );
    const row = await ctx.db.models.ApiKey.findByPk(minted.id, { transaction, rejectOnEmpty: true });
    await recordAuditEvent(ctx, transaction, {
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: row.id,
      folderId: null,
      data: { name, mode: input.mode },
    });
    return { ...toApiKey(row), secret: minted.secret };
  });
}

/** Effective at once: the next request with the key (or a widget session it minted) is a 401. */
export async function revokeApiKey(ctx: ServiceContext, id: string, now: Date): Promise<void> {
  requireNotarySignedIn(ctx);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.ApiKey.findOne({
      where: { id, officeId: ctx.actor.officeId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('api_key');
    if (row.revokedAt) return;
    await row.update({ revokedAt: now }, { transaction });
    await recordAuditEvent(ctx, transaction, { action: 'api_key.revoked', subjectType: 'api_key', subjectId: row.id, folderId: null });
  });
  // Other processes hear it at commit (migration 0050's trigger); this one drops the key before answering.
  forgetApiKey(ctx.db, id);
}
