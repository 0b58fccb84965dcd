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
  /**
   * Set for uploads: told the bytes of `body` (a Blob) sent so far, as they go. A transport that cannot
   * tell may ignore it; the upload then reports its end only.
   */
  onUploadProgress?: (sentBytes: number) => void;
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
    send({ method, url, headers, body: given, signal, credentials, onUploadProgress }) {
      // Outside browsers a request body can stream over HTTP/1.1: count its bytes as fetch reads them.
      // (Chromium streams request bodies over HTTP/2 only, hence XMLHttpRequest there: defaultTransport.)
      const streamed = onUploadProgress && given instanceof Blob && typeof XMLHttpRequest === 'undefined';
      const body = streamed ? counted(given, onUploadProgress) : given;
      // Known beforehand: sent as such rather than chunked, as fetch would for the Blob itself.
      const sentHeaders = streamed ? { ...headers, 'Content-Length': String(given.size) } : headers;
      // redirect 'error': the API never redirects, and with 'follow' Node's fetch keeps a copy of every
      // request body in case it must resend it (measured: +1 GiB of memory for a 1 GiB upload).
      const init: RequestInit & { duplex?: 'half' } = { method, headers: sentHeaders, body, signal, credentials, redirect: 'error' };
      // A streamed request body (uploads) needs half duplex in Node's fetch and in Chromium.
      if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) init.duplex = 'half';
      // Looked up per call (a fetch patched later is used) and called on globalThis: browsers throw
      // "Illegal invocation" when window.fetch runs detached from window.
      return (fetchImpl ?? globalThis.fetch).call(globalThis, url, init);
    },
  };
}

/** The Blob's bytes as a stream, telling `progress` the total read so far after each chunk. */
function counted(blob: Blob, progress: (sentBytes: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        sent += chunk.byteLength;
        progress(sent);
      },
    }),
  );
}

/**
 * The SDK's transport unless one is given: fetch, except for uploads that want progress in a browser,
 * which go over XMLHttpRequest (fetch reports no upload progress there). A `fetch` given by the caller
 * is used for everything.
 */
export function defaultTransport(fetchImpl?: typeof fetch): Transport {
  const viaFetch = fetchTransport(fetchImpl);
  if (fetchImpl) return viaFetch;
  return {
    async send(request) {
      if (!request.onUploadProgress || typeof XMLHttpRequest === 'undefined') return viaFetch.send(request);
      // Fetched with the first upload, as the upload code is (documents.ts): pages that only read never
      // download it. A failed download rejects like a failed request, which HttpClient retries.
      const { xhrTransport } = await import('./xhr-transport.js');
      return xhrTransport().send(request);
    },
  };
}
