import { API_VERSION_HEADER, CURRENT_API_VERSION } from '../generated/api-versions.js';
import { abortReason, attemptSignal, sleep } from './abort.js';
import type { BearerToken } from './bearer-token.js';
import { errorFromResponse } from './error-from-response.js';
import { ConnectionError, type LeCoffreError, TimeoutError } from './errors.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { retryDelayMs } from './retry-policy.js';
import type { RequestBody, Transport } from './transport.js';

/** Options every call accepts, overriding the client's defaults for that call only. */
export interface RequestOptions {
  /** Cancels the call, retries and waits included; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per attempt, reading the answer included. */
  timeoutMs?: number;
  maxRetries?: number;
}

/** Options of calls that create something (POST). */
export interface PostOptions extends RequestOptions {
  /**
   * Sent as `Idempotency-Key`; one is generated when omitted. The same key goes with every retry, so a
   * retried call is done once. Pass your own (e.g. your record's id) to make retries across processes safe.
   */
  idempotencyKey?: string;
}

/** Options of updates to versioned resources (folders, bank details). */
export interface UpdateOptions extends RequestOptions {
  /**
   * The `version` of the resource as you last read it (or its raw `ETag`): the update is refused with a
   * PreconditionFailedError (412) if someone changed it since, instead of overwriting their edit.
   */
  ifMatch?: number | string;
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number | boolean)[];

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with its parameters filled in, e.g. `/v1/folders/fld_…`. */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** A raw body, made anew for each attempt (a stream cannot be sent twice). */
  body?: () => RequestBody;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Bytes of `body` sent in the current attempt (uploads); each attempt starts again from 0. */
  onUploadProgress?: (sentBytes: number) => void;
  /** Told before each automatic retry, with the error that caused it and the wait before it. */
  onRetry?: (error: LeCoffreError, delayMs: number) => void;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, a Blob for other media types, undefined for an empty answer. */
  data: unknown;
}

export interface HttpClientConfig {
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; undefined for a cookie session. */
  bearer: BearerToken | undefined;
  timeoutMs: number;
  maxRetries: number;
  transport: Transport;
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
  const blob = await response.blob();
  return blob.size ? blob : undefined;
}

/**
 * Sends one logical call: authentication (a refused token renewed once), idempotency key, retries with
 * backoff, timeouts, typed errors.
 */
export class HttpClient {
  constructor(private readonly config: HttpClientConfig) {}

  async request(request: ApiRequest, options: RequestOptions = {}): Promise<ApiResponse> {
    const { signal } = options;
    const { bearer } = this.config;
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    const url = `${this.config.baseUrl}${request.path}${queryString(request.query)}`;
    // The dated contract this SDK was generated against: the API answers as it did then, whatever came since.
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      [API_VERSION_HEADER]: CURRENT_API_VERSION,
      ...request.headers,
    };
    const credentials = bearer ? undefined : 'include';
    if (request.json !== undefined) headers['Content-Type'] = 'application/json';
    // Decided once, before the first attempt: every retry carries the same key.
    if (request.method === 'POST') headers['Idempotency-Key'] = request.idempotencyKey ?? newIdempotencyKey();
    const jsonBody = request.json === undefined ? undefined : JSON.stringify(request.json);
    // Kept for every retry, even when another call renews the shared token meanwhile: the API scopes
    // idempotency keys by credential, so a retry under a new token after a lost answer would run twice.
    // Only a 401 switches it: the refused token ran nothing with this key.
    let token = bearer?.value;
    let renewed = false;

    for (let attempt = 0; ; ) {
      if (signal?.aborted) throw abortReason(signal);
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
      const attemptAbort = attemptSignal(signal, timeoutMs);
      let failure: LeCoffreError;
      let retryAfterHeader: string | null = null;
      try {
        const body = jsonBody ?? request.body?.();
        const response = await this.config.transport.send({
          method: request.method,
          url,
          headers,
          body,
          credentials,
          signal: attemptAbort.signal,
          onUploadProgress: request.onUploadProgress,
        });
        if (response.ok) return { status: response.status, headers: response.headers, data: await readBody(response) };
        failure = errorFromResponse(response, await response.text());
        retryAfterHeader = response.headers.get('retry-after');
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        // A 2xx body that is not JSON is a bug to report, not a blip to retry.
        if (error instanceof SyntaxError) throw error;
        failure = attemptAbort.timedOut
          ? new TimeoutError(timeoutMs)
          : new ConnectionError(`No answer from LeCoffre at ${this.config.baseUrl} (${request.method} ${request.path}).`, error);
      } finally {
        attemptAbort.dispose();
      }
      if (failure.status === 401 && token !== undefined && !renewed) {
        renewed = true;
        const fresh = await bearer?.renew(token);
        if (fresh !== undefined) {
          token = fresh;
          continue;
        }
      }
      const delay = attempt < maxRetries ? retryDelayMs(failure, attempt, retryAfterHeader) : undefined;
      if (delay === undefined) throw failure;
      request.onRetry?.(failure, delay);
      await sleep(delay, signal);
      attempt++;
    }
  }
}
