import { createHash } from 'node:crypto';

/** The hash of the first event of an office's chain has no predecessor: 64 zeros stand in. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  id: string;
  officeId: string;
  folderId: string | null;
  actorKind: string;
  actorId: string | null;
  credentialId: string | null;
  ip: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  /** ISO 8601 with milliseconds, UTC. */
  occurredAt: string;
}

/** JSON with object keys sorted at every depth: one event, one byte string, whatever built it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prevHash || canonical event): changing, inserting or removing a past event breaks every later hash. */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}
