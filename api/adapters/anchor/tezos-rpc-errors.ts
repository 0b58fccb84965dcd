import { AnchorRejectedError, AnchorUnavailableError } from '../../ports/anchor.js';

/**
 * Sorts what a Tezos node says when it refuses an operation. A refusal (HTTP 4xx/500 carrying Octez's JSON
 * error list) means the bytes were not accepted, so preparing a new operation is safe; anything else (no
 * answer, a gateway error, a body that is not an error list) leaves the bytes' fate unknown.
 */
export function classifyRpcFailure(error: unknown, what: string): AnchorRejectedError | AnchorUnavailableError {
  const ids = octezErrorIds(error);
  if (ids === null) {
    return new AnchorUnavailableError(`Tezos node unavailable during ${what}: ${describe(error)}`, { cause: error });
  }
  const has = (fragment: string) => ids.some((id) => id.includes(fragment));
  if (has('counter_in_the_past') || has('counter_in_the_future')) {
    return new AnchorRejectedError(`The node refused the ${what}: counter out of step (${ids.join(', ')}).`, 'counter', true, ids);
  }
  if (has('fees_too_low') || has('fee_too_low') || has('gas_limit_too_low') || has('gas_exhausted') || has('storage_exhausted')) {
    return new AnchorRejectedError(`The node refused the ${what}: fee or limits too low (${ids.join(', ')}).`, 'fee', true, ids);
  }
  if (has('branch') || has('outdated')) {
    return new AnchorRejectedError(`The node refused the ${what}: branch unknown or too old (${ids.join(', ')}).`, 'branch', true, ids);
  }
  return new AnchorRejectedError(`The node refused the ${what}: ${ids.join(', ')}.`, 'other', false, ids);
}

/**
 * The `id`s of an Octez error list: from a Taquito HttpResponseError (the node's HTTP answer) or a
 * TezosOperationError (a simulation whose result failed); null when the error carries none.
 */
function octezErrorIds(error: unknown): string[] | null {
  const operationErrors = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(operationErrors)) {
    const ids = operationErrors.map((entry) => (entry as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
    if (ids.length) return ids;
  }
  const response = error as { status?: unknown; body?: unknown } | null;
  if (!response || typeof response.status !== 'number' || typeof response.body !== 'string') return null;
  if (response.status !== 500 && (response.status < 400 || response.status >= 500)) return null;
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (!Array.isArray(parsed)) return null;
    const ids = parsed.map((entry) => (entry as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
    return ids.length ? ids : null;
  } catch {
    return null;
  }
}

/** The errors a preapply/simulation answer carries inside operation results (HTTP 200, status failed). */
export function resultErrorIds(results: unknown): string[] {
  const ids: string[] = [];
  for (const op of Array.isArray(results) ? results : []) {
    for (const content of (op as { contents?: unknown[] }).contents ?? []) {
      const result = (content as { metadata?: { operation_result?: { status?: string; errors?: Array<{ id?: string }> } } }).metadata
        ?.operation_result;
      if (result && result.status !== 'applied')
        ids.push(...(result.errors ?? []).map((e) => e.id ?? 'unknown'), `status:${result.status}`);
    }
  }
  return ids;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
