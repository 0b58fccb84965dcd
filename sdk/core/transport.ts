/**
 * The one seam between the SDK and the network. Everything above it (authentication, idempotency keys,
 * retries, timeouts, errors) is the SDK's; a transport only moves one request and its answer, so another
 * one (a proxy agent, a recording for a demo) gets all of that for free.
 */
/**
 * A body fetch accepts, named through `RequestInit`: a Node project's types (@types/node, no DOM lib) declare
 * `RequestInit` but neither `BodyInit` nor `RequestCredentials`, and vendors compile against our declarations.
 */
export type RequestBody = NonNullable<RequestInit['body']>;

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: RequestBody;
  /** `include` for a cookie session (the session cookie must go along); otherwise the platform's default. */
  credentials?: RequestInit['credentials'];
  /** Aborts on the caller's signal and on the attempt's timeout; the transport must honour it. */
  signal: AbortSignal;
}

export interface Transport {
  /**
   * Resolves with whatever status the server answered (errors included); rejects only when no answer
   * arrived (network failure, abort). The body is read later, under the same signal.
   */
  send(request: TransportRequest): Promise<Response>;
}

/** The default transport: the platform's fetch (Node >= 20, browsers, Deno, workers), or the one given. */
export function fetchTransport(fetchImpl?: typeof fetch): Transport {
  return {
    send({ method, url, headers, body, signal, credentials }) {
      // redirect 'error': the API never redirects, and with 'follow' Node's fetch keeps a copy of every
      // request body in case it must resend it (measured: +1 GiB of memory for a 1 GiB upload).
      const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal, credentials, redirect: 'error' };
      // A streamed request body (uploads) needs half duplex in Node's fetch and in Chromium.
      if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) init.duplex = 'half';
      // Looked up per call (a fetch patched later is used) and called on globalThis: browsers throw
      // "Illegal invocation" when window.fetch runs detached from window.
      return (fetchImpl ?? globalThis.fetch).call(globalThis, url, init);
    },
  };
}
