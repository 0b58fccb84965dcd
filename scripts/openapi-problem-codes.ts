/**
 * Writes the API's problem codes (api/domain/problem-codes.ts, the list every thrown problem is typed
 * against) into openapi.json as the `ProblemCode` schema, for the docs and for the SDK's `ErrorCode`.
 * `Problem.code` is one of them or any other string: a client built today must accept tomorrow's codes.
 */
import { PROBLEM_CODES } from '../api/domain/problem-codes.js';
import type { Json, OpenApiDocument } from './openapi/document.js';

export function addProblemCodes(spec: OpenApiDocument): void {
  if (spec.components.schemas.ProblemCode) throw new Error('openapi-problem-codes: ProblemCode is already a schema of the API');
  spec.components.schemas.ProblemCode = {
    description:
      'The stable `code` values of problem answers today. More may be added (never renamed or removed): treat an unknown code by its HTTP status.',
    type: 'string',
    enum: [...PROBLEM_CODES],
  };
  const code = (spec.components.schemas.Problem.properties as Record<string, Json>).code;
  code.anyOf = [{ $ref: '#/components/schemas/ProblemCode' }, { type: 'string' }];
  delete code.type;
}
