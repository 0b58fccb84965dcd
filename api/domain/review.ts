/**
 * The states a document request and a file can be in: the one list. SQL names them through typed
 * replacements (never a literal in the query text), and the tables' CHECK constraints must list the same
 * (review-states.test.ts compares them with the database).
 */
export const REQUEST_STATUSES = ['requested', 'submitted', 'validated'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const FILE_STATUSES = ['pending', 'validated', 'refused'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/**
 * A request's status follows from its files: validated once at least one
 * file is validated and none waits for review; submitted while a file waits; otherwise requested —
 * including after a refusal, so that the client can send the document again.
 */
export function requestStatusOf(fileStatuses: readonly FileStatus[]): RequestStatus {
  if (fileStatuses.includes('pending')) return 'submitted';
  if (fileStatuses.includes('validated')) return 'validated';
  return 'requested';
}

export interface Completion {
  validated: number;
  total: number;
  /** Whole percent, rounded down so that 100 means everything really is validated. */
  percent: number;
}

/** Completion = validated requests / live requests. A folder with no request yet is at 0%. */
export function completionOf(validated: number, total: number): Completion {
  return { validated, total, percent: total === 0 ? 0 : Math.floor((validated * 100) / total) };
}
