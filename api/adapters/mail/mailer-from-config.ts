import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../../ports/mailer.js';
import { devOutboxMailer } from './dev-outbox-mailer.js';
import { smtpMailer } from './smtp-mailer.js';

/** The mailer the configuration asks for; for main.ts, the one place that picks adapters. */
export function mailerFromConfig(config: Pick<Config, 'mail'>, db: Database): Mailer & { close?(): void } {
  return config.mail.kind === 'smtp' ? smtpMailer({ url: config.mail.url, from: config.mail.from }) : devOutboxMailer(db);
}
