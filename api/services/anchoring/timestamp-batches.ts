import { Op } from 'sequelize';
import type { Database } from '../../db/database.js';
import { type TimestampAuthority, TimestampUnavailableError } from '../../ports/timestamp-authority.js';

export type TimestampRound = { stamped: number; unavailable: string | null };

/**
 * Asks the TSA for a token on the root of every batch that has none yet (oldest first, `limit` at most),
 * failed batches aside: the batch opened this cycle, and those whose TSA was unreachable before. A TSA
 * that cannot be reached stops the round and is noted on the batch (`timestamp_error`); the anchoring goes
 * on without it, and the next cycle asks again. Nothing is lost: the root, what the token vouches for,
 * never changes.
 */
export async function timestampBatches(db: Database, authority: TimestampAuthority | null, limit = 20): Promise<TimestampRound> {
  if (!authority) return { stamped: 0, unavailable: null };
  const batches = await db.models.AnchorBatch.findAll({
    where: { timestampToken: { [Op.is]: null }, status: { [Op.ne]: 'failed' } },
    order: [['createdAt', 'ASC']],
    limit,
  });
  let stamped = 0;
  for (const batch of batches) {
    try {
      const token = await authority.timestamp(Buffer.from(batch.root, 'hex'));
      await batch.update({
        timestampToken: Buffer.from(token.response),
        timestampFacts: { genTime: token.genTime.toISOString(), tsa: token.tsa, policy: token.policy, serialNumber: token.serialNumber },
        timestampAttempts: batch.timestampAttempts + 1,
        timestampError: null,
      });
      stamped++;
    } catch (error) {
      if (!(error instanceof TimestampUnavailableError)) throw error;
      await batch.update({ timestampAttempts: batch.timestampAttempts + 1, timestampError: error.message });
      return { stamped, unavailable: error.message };
    }
  }
  return { stamped, unavailable: null };
}
