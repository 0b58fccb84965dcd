import { SmsDeliveryError, type SmsMessage, type SmsSender } from '../../ports/sms-sender.js';

export interface HttpSmsSettings {
  /** The provider's send endpoint; receives `POST {"to": "+33…", "text": "…"}`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token: string | undefined;
  timeoutMs?: number;
}

/**
 * An SMS provider behind one JSON POST (the shape most gateways accept, or a small relay speaks). Any
 * 2xx is "accepted"; anything else, a timeout or a network error rejects, without retry: the client can
 * ask for a new code after the cool-down, and a retry here could deliver two different codes.
 */
export function httpSmsSender(settings: HttpSmsSettings): SmsSender {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    name: 'http',
    async send(message: SmsMessage): Promise<void> {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
        throw new SmsDeliveryError(`SMS provider unreachable: ${reason}`);
      }
      // Drain the body either way so the connection can be reused; its content is not needed.
      const body = await response.text().catch(() => '');
      if (!response.ok) {
        const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
        throw new SmsDeliveryError(
          `SMS provider refused the message: HTTP ${response.status} ${body.slice(0, 200)}`,
          response.status,
          permanent,
        );
      }
    },
  };
}
