/**
 * Sends a text message to a mobile phone: an SMS provider (Brevo, or a generic HTTP gateway) in
 * production, the dev outbox (readable at /dev/outbox) in the embedded mode.
 */
export interface SmsSender {
  /** Recorded with each message sent through it (`brevo`, `http`, `dev-outbox`); absent: `other`. */
  readonly name?: string;
  /**
   * Resolves once the provider accepted the message (not once the phone received it); rejects with
   * `SmsDeliveryError` when the provider refused it or could not be reached.
   */
  send(message: SmsMessage): Promise<void>;
}

export interface SmsMessage {
  /** E.164, e.g. +33626597292. */
  to: string;
  text: string;
  /**
   * Our id for this message (`sms_…`). A provider that reports delivery later reports it under this
   * reference (see `SmsStatusReceiver`); one that does not ignores it.
   */
  reference?: string;
}

export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    /** The provider's HTTP status, when it answered. */
    public readonly status?: number,
    /**
     * The provider refused this message for good (a malformed number, a rejected sender, no credit):
     * sending it again unchanged cannot succeed, so callers do not retry it.
     */
    public readonly permanent = false,
  ) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}

/** What a provider reports about a message after accepting it. */
export type SmsDeliveryStatus = 'sent' | 'delivered' | 'soft_bounce' | 'hard_bounce' | 'blocked' | 'rejected';

export interface SmsStatusReport {
  /** Our reference for the message (`SmsMessage.reference`). */
  reference: string;
  status: SmsDeliveryStatus;
  /** The provider's own id of the message, for its support. */
  providerMessageId: string | null;
  /** The provider's words on a failure (bounce reason), if any. */
  detail: string | null;
  at: Date;
}

/**
 * The receiving end of a provider's delivery callbacks: the provider's wire format and how the caller is
 * authenticated stay in the adapter; the route (http/sms-status-routes.ts) only carries requests to it.
 */
export interface SmsStatusReceiver {
  /** The path segment under `/hooks/sms/` the provider calls (`brevo`). */
  readonly provider: string;
  /** True when the callback carries the shared secret (compared in constant time). */
  authenticate(token: string | undefined): boolean;
  /** The report in a callback body, `null` for an event that says nothing about delivery, or why it is unreadable. */
  parse(body: unknown, reference: string | undefined): SmsStatusReport | null | { invalid: string };
}
