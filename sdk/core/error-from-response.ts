import type { Problem } from '../types.js';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  LeCoffreError,
  LeCoffreValidationError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  RateLimitError,
} from './errors.js';
import { retryAfterMs } from './retry-policy.js';

function asProblem(value: unknown): Problem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as Partial<Problem>;
  return typeof candidate.code === 'string' && typeof candidate.status === 'number' ? (candidate as Problem) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(status: number, problem: Problem | undefined): string {
  if (!problem) return `LeCoffre answered HTTP ${status} without a problem document.`;
  const base = problem.detail ?? problem.title;
  if (!problem.errors?.length) return base;
  return `${base} ${problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
}

/** The typed error for a non-2xx answer whose body has been read as `text`. */
export function errorFromResponse(response: Response, text: string): LeCoffreError {
  const { status } = response;
  const problem = asProblem(parseJson(text));
  const details = {
    status,
    // An answer that is not a problem (a proxy's HTML page) still gets a code to switch on.
    code: problem?.code ?? `http_${status}`,
    requestId: response.headers.get('x-request-id') ?? problem?.requestId,
    problem,
  };
  const message = messageOf(status, problem);
  switch (status) {
    case 401:
      return new AuthenticationError(message, details);
    case 403:
      return new PermissionError(message, details);
    case 404:
      return new NotFoundError(message, details);
    case 409:
      return new ConflictError(message, details);
    case 412:
      return new PreconditionFailedError(message, details);
    case 422:
      return new LeCoffreValidationError(message, details);
    case 429: {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      return new RateLimitError(message, details, wait === undefined ? undefined : Math.ceil(wait / 1000));
    }
    default:
      return new ApiError(message, details);
  }
}
