/**
 * Sends a text message to a mobile phone: an HTTP SMS provider in production, the dev outbox (readable
 * at /dev/outbox) in the embedded mode.
 */
export interface SmsSender {
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
}

export class SmsDeliveryError extends Error {
  constructor(
    message: string,
    /** The provider's HTTP status, when it answered. */
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}
