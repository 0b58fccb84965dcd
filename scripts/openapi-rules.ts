/**
 * Rules the API applies whose text the reference must state in full: written into the operations'
 * descriptions from the code's own source, so the reference cannot drift from what is enforced.
 */
import { PASSWORD_RULE } from '../api/services/client-auth/password-policy.js';
import type { OpenApiDocument } from './openapi/document.js';
import { operationsOf } from './openapi/document.js';

const RULES: Record<string, string> = {
  'clientAuth.setPassword': `**The password rule**: ${PASSWORD_RULE}`,
};

export function describeRules(spec: OpenApiDocument): void {
  const left = new Set(Object.keys(RULES));
  for (const { operation } of operationsOf(spec)) {
    const rule = RULES[operation.operationId];
    if (!rule) continue;
    operation.description = operation.description ? `${operation.description}\n\n${rule}` : rule;
    left.delete(operation.operationId);
  }
  if (left.size > 0) throw new Error(`openapi-rules: no operation ${[...left].join(', ')} in the spec`);
}
