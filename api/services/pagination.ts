import { DomainError } from '../domain/errors.js';

/** The list envelope of the HTTP contract (ARCHITECTURE.md section 6). */
export interface Page<T> {
  data: T[];
  /** Pass as `?cursor=` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** Id of the last item already seen (decoded from the cursor), or undefined for the first page. */
  after: string | undefined;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function pageRequest(limit: number | undefined, cursor: string | undefined): PageRequest {
  const n = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new DomainError('invalid', 'validation_failed', `limit must be between 1 and ${MAX_LIMIT}.`, [
      { path: 'limit', message: `must be an integer between 1 and ${MAX_LIMIT}` },
    ]);
  }
  return { limit: n, after: cursor === undefined ? undefined : decodeCursor(cursor) };
}

// Cursors are opaque to callers (base64url) so that we may change what they hold without a new version.
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^c1:[a-z]+_[0-9a-z]{26}$/.test(decoded)) {
    throw new DomainError('invalid', 'invalid_cursor', 'This cursor is not one we issued.', [
      { path: 'cursor', message: 'unknown cursor' },
    ]);
  }
  return decoded.slice(3);
}

function encodeCursor(id: string): string {
  return Buffer.from(`c1:${id}`, 'utf8').toString('base64url');
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only says whether there is more.
 * Rows must be in descending id order (newest first).
 */
export function toPage<R extends { id: string }, T>(rows: R[], request: PageRequest, view: (row: R) => T): Page<T> {
  const more = rows.length > request.limit;
  const kept = more ? rows.slice(0, request.limit) : rows;
  return { data: kept.map(view), nextCursor: more ? encodeCursor(kept[kept.length - 1].id) : null };
}
