import { HttpProblem } from './problem.js';

/** Strong ETag of a versioned resource. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/** The version an `If-Match` header names; undefined when absent or `*` (no precondition on the version). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"v(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new HttpProblem(412, 'folder_modified', 'If-Match does not name a version of this resource; reload it.');
  }
  return Number(match[1]);
}
