import type { FieldError, Problem, ProblemCode } from '../types.js';

/**
 * Codes the SDK gives failures that carry no problem+json: no answer (`connection_failed`, `timeout`), a
 * forged webhook, an answer that is not the one the contract promises, a non-problem error page (`http_502`).
 */
export type SdkErrorCode = 'connection_failed' | 'timeout' | 'invalid_webhook_signature' | 'unexpected_answer' | `http_${number}`;

/**
 * `LeCoffreError.code`: the API's documented codes and the SDK's own, so editors complete them and a
 * misspelt comparison stands out; `string & {}` keeps codes the API adds after this SDK version legal.
 */
export type ErrorCode = ProblemCode | SdkErrorCode | (string & {});

interface ErrorDetails {
  status: number | undefined;
  code: ErrorCode;
  requestId: string | undefined;
  problem: Problem | undefined;
  cause?: unknown;
}

/**
 * Everything the SDK throws (except the caller's own abort, rethrown as is). Switch on the class for the
 * family and on `code` for the exact reason: both are stable; messages are not.
 */
export class LeCoffreError extends Error {
  /** HTTP status; undefined when no answer arrived (ConnectionError, TimeoutError). */
  readonly status: number | undefined;
  /** The problem's stable `code` (`folder_not_found`, `validation_failed`…), or one of ours for transport failures. */
  readonly code: ErrorCode;
  /** The answer's `X-Request-Id`: quote it when asking LeCoffre for help. */
  readonly requestId: string | undefined;
  /** The RFC 9457 problem as received, when the answer was one. */
  readonly problem: Problem | undefined;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    // Set by hand: minified builds rename classes, and `name` is what logs print.
    this.name = 'LeCoffreError';
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.problem = details.problem;
  }
}

/** 422: the body or query was refused; `errors` says which field and why. */
export class LeCoffreValidationError extends LeCoffreError {
  declare readonly status: number;
  readonly errors: FieldError[];
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'LeCoffreValidationError';
    this.errors = details.problem?.errors ?? [];
  }
}

/** 401: missing, unknown, expired or revoked credentials. */
export class AuthenticationError extends LeCoffreError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'AuthenticationError';
  }
}

/** 403: the credentials are valid but may not do this. */
export class PermissionError extends LeCoffreError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'PermissionError';
  }
}

/** 404: no such resource for these credentials (another office's ids are 404 too, never 403). */
export class NotFoundError extends LeCoffreError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'NotFoundError';
  }
}

/** 409: the request conflicts with the current state (a folder number already used, a reused idempotency key…). */
export class ConflictError extends LeCoffreError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'ConflictError';
  }
}

/** 412: the resource changed since the version sent in `ifMatch`; reload it and decide again. */
export class PreconditionFailedError extends ConflictError {
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'PreconditionFailedError';
  }
}

/** 429: too many requests; retried automatically while `Retry-After` is short, thrown once retries run out. */
export class RateLimitError extends LeCoffreError {
  declare readonly status: number;
  /** Seconds to wait before trying again, from `Retry-After`, when the answer said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, details: ErrorDetails, retryAfter: number | undefined) {
    super(message, details);
    this.name = 'RateLimitError';
    this.retryAfter = retryAfter;
  }
}

/** 5xx and any other unexpected answer (400 malformed request, 413 body too large…). */
export class ApiError extends LeCoffreError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.name = 'ApiError';
  }
}

/** No answer: DNS, refused connection, reset socket. Retried automatically before being thrown. */
export class ConnectionError extends LeCoffreError {
  declare readonly status: undefined;
  constructor(message: string, cause: unknown, code: SdkErrorCode = 'connection_failed') {
    super(message, { status: undefined, code, requestId: undefined, problem: undefined, cause });
    this.name = 'ConnectionError';
  }
}

/** No answer within `timeoutMs` (per attempt). Retried automatically before being thrown. */
export class TimeoutError extends ConnectionError {
  constructor(timeoutMs: number) {
    super(`No answer from LeCoffre within ${timeoutMs} ms.`, undefined, 'timeout');
    this.name = 'TimeoutError';
  }
}
