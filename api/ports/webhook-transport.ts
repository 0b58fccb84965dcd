/**
 * How a signed message reaches a receiver: one HTTP POST. The implementation (adapters/webhooks) enforces
 * the address policy on the address it connects to, follows no redirect and gives up after its timeout.
 */
export interface WebhookTransport {
  post(request: WebhookRequest): Promise<WebhookResponse>;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type TransportError = 'timeout' | 'connection_refused' | 'blocked_address' | 'dns' | 'tls' | 'network';

export type WebhookResponse =
  | {
      kind: 'response';
      status: number;
      /** The raw `Retry-After` header, when the receiver sent one. */
      retryAfter: string | undefined;
      /** The start of the body (the adapter reads a few KiB at most). */
      body: string;
      durationMs: number;
    }
  | { kind: 'error'; error: TransportError; message: string; durationMs: number };
