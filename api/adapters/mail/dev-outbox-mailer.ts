import type { Database } from '../../db/database.js';
import type { Mailer } from '../../ports/mailer.js';
import { writeDevOutbox } from '../sms/dev-outbox.js';

/**
 * The embedded mode's "SMTP server": every e-mail lands in the dev outbox (readable at /dev/outbox),
 * beside the SMS codes, with its subject, text and HTML parts as they would have been sent.
 */
export function devOutboxMailer(db: Database): Mailer {
  return {
    async send(message) {
      await writeDevOutbox(db, {
        kind: 'email',
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
  };
}
