/**
 * The dated versions of the HTTP contract (`LeCoffre-Version: 2026-12-02`), oldest first. A request
 * without the header gets the current one; an unknown one is refused (400 `unsupported_api_version`).
 * A version is added, with its entry in docs/api-changelog.md, when an answer changes in a way a
 * client built earlier could notice; the API keeps answering the older ones as they were.
 * The SDK sends the current one of the copy it was built with (sdk/generated/api-versions.ts).
 */
export const API_VERSIONS = ['2026-12-02', '2026-12-09'] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

export const CURRENT_API_VERSION: ApiVersion = API_VERSIONS[API_VERSIONS.length - 1];

export const API_VERSION_HEADER = 'LeCoffre-Version';

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/**
 * Whether a caller pinned to `version` gets the change made in version `since`. Versions are ISO dates,
 * so they compare as strings. Handlers ask this, never compare versions themselves.
 */
export function answersSince(version: ApiVersion, since: ApiVersion): boolean {
  return version >= since;
}
