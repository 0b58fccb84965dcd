/**
 * Sends one e-mail: through SMTP in production, into the dev outbox (readable at /dev/outbox) in the
 * embedded mode. Messages always carry a text and an HTML part.
 */
export interface Mailer {
  /**
   * Resolves once the server accepted the message for delivery (not once it reached the inbox); rejects
   * with `MailDeliveryError` when the server refused it or could not be reached. The caller retries.
   */
  send(message: MailMessage): Promise<void>;
}

export interface MailMessage {
  /** Shown as the sender's name: the office ("SELAS AP NOTAIRES"). The address is the platform's. */
  fromName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** The SMTP reply code, when the server answered (5xx: refused for good; 4xx: try again later). */
    public readonly responseCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}
