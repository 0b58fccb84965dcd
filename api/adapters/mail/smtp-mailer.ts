import nodemailer from 'nodemailer';
import { MailDeliveryError, type Mailer, type MailMessage } from '../../ports/mailer.js';

export interface SmtpSettings {
  /**
   * `smtp://` (STARTTLS when offered) or `smtps://` (TLS from the start), with credentials and options
   * in the URL as nodemailer reads them: `smtps://user:password@smtp.example.com:465`,
   * `smtp://127.0.0.1:2525/?ignoreTLS=true` for a local sink.
   */
  url: string;
  /** The envelope and header sender address; the display name is each message's `fromName`. */
  from: string;
  timeoutMs?: number;
}

export interface SmtpMailer extends Mailer {
  /** Closes pooled connections (at shutdown). */
  close(): void;
}

/** E-mail through an SMTP server (nodemailer). One connection pool per process. */
export function smtpMailer(settings: SmtpSettings): SmtpMailer {
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // The URL's own options (ignoreTLS, tls.*) are merged over these by nodemailer.
  });
  return {
    async send(message: MailMessage): Promise<void> {
      try {
        await transport.sendMail({
          from: { name: message.fromName, address: settings.from },
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        throw new MailDeliveryError(`SMTP refused or unreachable: ${(error as Error).message}`, code, { cause: error });
      }
    },
    close() {
      transport.close();
    },
  };
}
