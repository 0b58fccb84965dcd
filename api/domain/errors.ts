/**
 * Errors that the services raise for a reason a caller can act on. Each has a stable `code` (part of the
 * HTTP contract: clients switch on it) and maps to one HTTP status in api/http/problem.ts.
 */
import type { NotFoundSubject, ProblemCode } from './problem-codes.js';

export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'precondition_failed' | 'unauthenticated';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    public readonly code: ProblemCode,
    message: string,
    public readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: NotFoundSubject) => new DomainError('not_found', `${what}_not_found`, `No such ${what.replace(/_/g, ' ')}.`);

export const invalidField = (path: string, message: string, code: ProblemCode = 'validation_failed') =>
  new DomainError('invalid', code, message, [{ path, message }]);
