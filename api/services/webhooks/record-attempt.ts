import type { Database } from '../../db/database.js';
import { newId } from '../../domain/ids.js';
import type { Clock } from '../../ports/clock.js';
import type { WebhookResponse } from '../../ports/webhook-transport.js';
import { planEndpointDisabledNotices } from '../notifications/endpoint-disabled.js';
import { KEPT_BODY_CHARS, recordSuccesses } from './record-successes.js';
import { nextAttemptAt, parseRetryAfter } from './retry-schedule.js';

/** An endpoint failing without a break this long is turned off, and its office's notaries told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;

export interface AttemptFacts {
  messageId: string;
  endpointId: string;
  attemptedAt: Date;
  response: WebhookResponse;
}

export interface RecordedAttempt {
  outcome: 'succeeded' | 'failed';
  /** When the message will be tried again; null when delivered or given up. */
  nextAttemptAt: Date | null;
  /** This attempt turned the endpoint off (410, or 5 days of failures). */
  endpointDisabled: boolean;
}

/**
 * Writes the attempt, moves the message on (delivered, retry at the next step of the schedule, or failed
 * for good), and keeps the endpoint's health: any success clears its failing streak; a 410 or a streak of
 * 5 days turns it off and plans an e-mail to the office's notaries. One transaction, the endpoint row
 * locked: concurrent lanes of one endpoint judge its health one after the other.
 */
export async function recordAttempt(
  deps: { db: Database; clock: Clock; random?: () => number },
  facts: AttemptFacts,
): Promise<RecordedAttempt> {
  const { db } = deps;
  const { response, attemptedAt } = facts;
  const succeeded = response.kind === 'response' && response.status >= 200 && response.status < 300;
  if (succeeded) {
    // One source for what a success changes: the batched statement, here for a group of one.
    const found = await recordSuccesses(db, [
      { messageId: facts.messageId, attemptedAt, status: response.status, body: response.body, durationMs: response.durationMs },
    ]);
    if (found === 0) throw new Error(`webhook message ${facts.messageId} vanished during its attempt`);
    return { outcome: 'succeeded', nextAttemptAt: null, endpointDisabled: false };
  }
  return db.sequelize.transaction(async (transaction) => {
    const endpoint = await db.models.WebhookEndpoint.findByPk(facts.endpointId, { transaction, lock: transaction.LOCK.UPDATE });
    const message = await db.models.WebhookMessage.findByPk(facts.messageId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!endpoint || !message) throw new Error(`webhook message ${facts.messageId} vanished during its attempt`);
    const attempt = message.attempts + 1;
    const retryAfter = response.kind === 'response' ? parseRetryAfter(response.retryAfter, attemptedAt) : undefined;
    const next = succeeded ? null : nextAttemptAt(attempt, attemptedAt, retryAfter, deps.random ?? Math.random);

    await db.models.WebhookAttempt.create(
      {
        id: newId('wha', attemptedAt.getTime()),
        officeId: message.officeId,
        endpointId: endpoint.id,
        messageId: message.id,
        attempt,
        outcome: succeeded ? 'succeeded' : 'failed',
        responseStatus: response.kind === 'response' ? response.status : null,
        error: response.kind === 'error' ? response.error : null,
        responseBody: response.kind === 'response' ? response.body.slice(0, KEPT_BODY_CHARS) : response.message.slice(0, KEPT_BODY_CHARS),
        durationMs: response.durationMs,
        attemptedAt,
        nextAttemptAt: next,
      },
      { transaction },
    );
    // A resend or a deletion during the attempt changed the message: its new state wins.
    if (message.status === 'pending') {
      await message.update(
        {
          attempts: attempt,
          status: succeeded ? 'delivered' : next ? 'pending' : 'failed',
          nextAttemptAt: next,
          deliveredAt: succeeded ? attemptedAt : null,
          lastAttemptAt: attemptedAt,
          leaseUntil: null,
        },
        { transaction },
      );
    }

    let endpointDisabled = false;
    if (succeeded) {
      if (endpoint.failingSince) await endpoint.update({ failingSince: null }, { transaction });
    } else {
      const failingSince = endpoint.failingSince ?? attemptedAt;
      const gone = response.kind === 'response' && response.status === 410;
      const tooLong = attemptedAt.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
      if (endpoint.enabled && (gone || tooLong)) {
        endpointDisabled = true;
        const reason = gone ? 'gone' : 'failing';
        await endpoint.update(
          { failingSince, enabled: false, disabledReason: reason, disabledAt: attemptedAt, updatedAt: attemptedAt },
          { transaction },
        );
        // An app's endpoint has no office to tell: its vendor sees it in the attempts stopping (operators
        // turn it back on with `npm run apps -- set-webhook`).
        if (endpoint.officeId) {
          await planEndpointDisabledNotices(db, transaction, { ...endpoint.get(), officeId: endpoint.officeId }, reason, attemptedAt);
        }
      } else if (!endpoint.failingSince) {
        await endpoint.update({ failingSince }, { transaction });
      }
    }
    return {
      outcome: succeeded ? 'succeeded' : 'failed',
      nextAttemptAt: message.status === 'pending' ? message.nextAttemptAt : null,
      endpointDisabled,
    };
  });
}
