import type { Transport, TransportRequest } from './transport.js';

/**
 * A transport over XMLHttpRequest, for the one thing fetch cannot do in a browser: report how many bytes
 * of a request body went out (`onUploadProgress`). The answer is handed back as a Response, so everything
 * above the transport (errors, retries, token renewal) is the same as with fetch.
 */
export function xhrTransport(): Transport {
  return { send: sendWithXhr };
}

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

function sendWithXhr({ method, url, headers, body, signal, credentials, onUploadProgress }: TransportRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.responseType = 'blob';
    xhr.withCredentials = credentials === 'include';
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    const onAbort = () => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (outcome: () => void) => {
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    if (onUploadProgress) xhr.upload.onprogress = (event) => onUploadProgress(event.loaded);
    xhr.onload = () =>
      settle(() => {
        // A Response cannot carry a body with these statuses.
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        resolve(new Response(empty ? null : (xhr.response as Blob), { status: xhr.status, headers: responseHeaders(xhr) }));
      });
    // As fetch does: a TypeError when no answer came; the signal's reason when the caller or timeout aborted.
    xhr.onerror = () => settle(() => reject(new TypeError(`XMLHttpRequest to ${url} failed`)));
    xhr.onabort = () => settle(() => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')));
    xhr.send((body ?? null) as XMLHttpRequestBodyInit | null);
  });
}
