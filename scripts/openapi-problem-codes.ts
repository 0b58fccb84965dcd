/**
 * Writes the API's problem codes (api/domain/problem-codes.ts, the list every thrown problem is typed
 * against) into openapi.json as the `ProblemCode` schema, for the docs and for the SDK's `ErrorCode`.
 * `Problem.code` itself stays a string in the contract: a client built today must accept tomorrow's codes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { PROBLEM_CODES } from '../api/domain/problem-codes.js';

export async function addProblemCodes(specPath: URL): Promise<void> {
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  if (spec.components.schemas.ProblemCode) throw new Error('openapi-problem-codes: ProblemCode is already a schema of the API');
  spec.components.schemas.ProblemCode = {
    description:
      'The stable `code` values of problem answers today. More may be added (never renamed or removed): treat an unknown code by its HTTP status.',
    type: 'string',
    enum: [...PROBLEM_CODES],
  };
  await writeFile(specPath, JSON.stringify(spec, null, '\t'));
}
