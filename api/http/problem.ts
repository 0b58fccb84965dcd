import { ValidateError } from '@tsoa/runtime';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ConnectionError, UniqueConstraintError } from 'sequelize';
import { DomainError, type DomainErrorKind, type FieldError } from '../domain/errors.js';
import type { ProblemCode } from '../domain/problem-codes.js';
import { IntegrityError } from '../ports/data-key-cipher.js';
import { UploadRejected } from '../services/documents/upload-rejected.js';

/** RFC 9457 problem details, with our stable `code` and, for validation, the field errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine-readable reason: switch on this, not on `title` or `detail`. */
  code: string;
  /** Echo of the `X-Request-Id` response header, to quote when asking for help. */
  requestId?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Thrown by the HTTP layer itself (authentication, headers); services throw DomainError. */
export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ProblemCode,
    detail: string,
    public readonly errors?: FieldError[],
    public readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  precondition_failed: 412,
  unauthenticated: 401,
};

export function sendProblem(res: Response, status: number, code: ProblemCode, detail: string, errors?: FieldError[]): void {
  const body: Problem = {
    type: `https://lecoffre.io/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId: res.getHeader('x-request-id')?.toString(),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** tsoa reports `body.title` or `requestBody.title`; callers know the field as `title`. */
function fieldPath(name: string): string {
  return name.replace(/^(request)?[Bb]ody\.?/, '').replace(/^\$/, '') || 'body';
}

const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|ECONNREFUSED|ECONNRESET|EPIPE|the database system is (shutting down|starting up|in recovery mode)/i;

/**
 * PostgreSQL down, restarting or out of connections: the client may retry; nothing was committed. The
 * cause may sit a few levels down (Sequelize wraps pg, which wraps the socket error).
 */
function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (e instanceof ConnectionError) return true;
    const code = (e as { code?: unknown }).code;
    // SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart).
    if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P'))) return true;
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true;
    const next: unknown = (e as { parent?: unknown; original?: unknown }).parent ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return false;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
}

export function problemHandler(log: (error: unknown, message: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (error instanceof IntegrityError) {
      // Stored bytes are not what was stored: never the caller's fault, always worth waking someone.
      log(error, `ALERT stored file integrity: ${error.reason} on ${error.storageKey ?? 'unknown blob'}`);
      if (res.headersSent) return next(error); // Express then cuts the connection: a short, failed download.
      return sendProblem(
        res,
        500,
        'integrity_error',
        'The stored file failed its integrity check; it was not sent. The incident is logged.',
      );
    }
    if (res.headersSent) return next(error);
    if (error instanceof UploadRejected) {
      return sendProblem(res, error.status, error.code, error.message, error.errors);
    }
    if (error instanceof DomainError) {
      return sendProblem(res, STATUS_BY_KIND[error.kind], error.code, error.message, error.errors);
    }
    if (error instanceof HttpProblem) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      return sendProblem(res, error.status, error.code, error.message, error.errors);
    }
    if (error instanceof ValidateError) {
      const errors = Object.entries(error.fields).map(([name, field]) => ({
        path: fieldPath(name),
        message: field.message,
      }));
      return sendProblem(res, 422, 'validation_failed', 'Some fields are missing or invalid.', errors);
    }
    const parserError = error as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return sendProblem(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    }
    if (parserError?.type === 'entity.too.large') {
      return sendProblem(res, 413, 'body_too_large', `The request body exceeds ${parserError.limit} bytes.`);
    }
    if (parserError?.type === 'charset.unsupported' || parserError?.type === 'encoding.unsupported') {
      return sendProblem(res, 415, 'unsupported_encoding', 'Send the body as UTF-8 JSON.');
    }
    if (isDatabaseUnavailable(error)) {
      log(error, 'database unavailable');
      res.setHeader('Retry-After', '5');
      return sendProblem(res, 503, 'database_unavailable', 'The service is temporarily unavailable; retry shortly.');
    }
    if (error instanceof UniqueConstraintError) {
      // A race the service did not foresee: still the caller's conflict, not our crash.
      log(error, 'unexpected unique constraint');
      return sendProblem(res, 409, 'conflict', 'This conflicts with a concurrent change; retry.');
    }
    log(error, 'unhandled error');
    return sendProblem(res, 500, 'internal_error', 'Something went wrong on our side; it has been logged.');
  };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'route_not_found', `No route ${req.method} ${req.path}.`);
};
