/**
 * Answers whose shape depends on `LeCoffre-Version` (api/domain/api-versions.ts, docs/api-changelog.md).
 * tsoa writes the controller's union as `anyOf`; here it becomes a `oneOf` of the shapes, each named with
 * the versions that get it, so a client generator sees the choice and a reader sees the rule.
 */
import type { ApiVersion } from '../api/domain/api-versions.js';
import type { OpenApiDocument } from './openapi/document.js';

interface VersionedAnswer {
  path: string;
  method: 'post' | 'get' | 'patch';
  status: string;
  /** The version that changed the answer, the schema answered since, and the one answered before. */
  since: ApiVersion;
  now: string;
  before: string;
}

export const VERSIONED_ANSWERS: readonly VersionedAnswer[] = [
  { path: '/v1/folders/{id}/clients', method: 'post', status: '200', since: '2026-12-09', now: 'FolderClientLink', before: 'Folder' },
];

export function describeVersionedAnswers(spec: OpenApiDocument): void {
  for (const { path, method, status, since, now, before } of VERSIONED_ANSWERS) {
    const response = spec.paths[path]?.[method]?.responses[status];
    const media = response?.content?.['application/json'];
    if (!response || !media) throw new Error(`openapi-versioned-answers: no ${method.toUpperCase()} ${path} ${status} JSON answer`);
    media.schema = { oneOf: [{ $ref: `#/components/schemas/${now}` }, { $ref: `#/components/schemas/${before}` }] };
    response.description = `\`${now}\` with \`LeCoffre-Version: ${since}\` or later (and without the header); \`${before}\` for a caller pinned to an earlier version.`;
  }
}
