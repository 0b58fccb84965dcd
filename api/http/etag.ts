import { hash } from 'node:crypto';
import { HttpProblem } from './problem.js';

/**
 * Strong ETag of a versioned resource (a folder, bank details): `"v<version>-<hash of the representation>"`.
 * Two parts because they answer two questions. `If-None-Match` (a 304) must ask "is what I hold what you
 * would send?": a folder's completion and anchoring state change without a new version, so the version
 * alone would keep a 0 % folder in a cache; the hash changes with every byte sent. `If-Match` (a 412) asks
 * "did anyone edit it since?": only the version part is compared (parseIfMatch), so a client validating a
 * document, which moves completion, does not make the notary's edit of the title fail. `"v<version>"`
 * alone is still accepted in If-Match (what the SDK's `ifMatch: folder.version` sends).
 */
export function etagOf(version: number, representation: unknown): string {
  const digest = hash('sha256', JSON.stringify(representation), 'base64url').slice(0, 22);
  return `"v${version}-${digest}"`;
}

/** The version an `If-Match` header names; undefined when absent or `*` (no precondition on the version). */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"v(\d{1,9})(?:-[A-Za-z0-9_-]{1,64})?"\s*$/.exec(header);
  if (!match) {
    throw new HttpProblem(412, 'folder_modified', 'If-Match does not name a version of this resource; reload it.');
  }
  return Number(match[1]);
}
