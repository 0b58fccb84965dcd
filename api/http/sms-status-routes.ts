import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { SmsStatusReceiver } from '../ports/sms-sender.js';
import { recordSmsStatus, UNDELIVERED } from '../services/sms/record-sms-status.js';
import { HttpProblem } from './problem.js';

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * `POST /hooks/sms/<provider>?token=…&ref=sms_…`: the provider's delivery callbacks. Public (the provider
 * holds no credential of ours but the token in the URL we gave it with the message), outside `/v1` and
 * its spec: vendors never call it. A wrong token is a 401 before the body is even read; an event about a
 * message we no longer know (its sign-in attempt swept) is acknowledged, so the provider stops sending it.
 */
export function smsStatusRoutes(db: Database, receiver: SmsStatusReceiver, logger: Logger): Router {
  const router = Router();
  router.post(
    `/hooks/sms/${receiver.provider}`,
    (req, _res, next) => {
      if (receiver.authenticate(one(req.query.token))) return next();
      logger.warn({ provider: receiver.provider }, 'SMS status callback refused: wrong token');
      next(new HttpProblem(401, 'unauthenticated', 'Jeton de rappel invalide. / Invalid callback token.'));
    },
    express.json({ limit: '16kb', type: ['application/json', 'application/*+json'] }),
    async (req, res, next) => {
      try {
        const report = receiver.parse(req.body, one(req.query.ref));
        if (report && 'invalid' in report) {
          throw new HttpProblem(422, 'validation_failed', `Rappel illisible. / Unreadable callback: ${report.invalid}.`, [
            { path: 'body', message: report.invalid },
          ]);
        }
        if (report) {
          const result = await recordSmsStatus(db, report);
          if (result.outcome === 'updated' && UNDELIVERED.has(result.status)) {
            logger.warn({ reference: report.reference, status: result.status, purpose: result.purpose }, 'SMS not delivered');
          }
        }
        res.status(204).end();
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
