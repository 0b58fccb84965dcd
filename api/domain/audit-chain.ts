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

/**
 * The first event of a folder's own chain follows SHA-256("lecoffre-folder-audit-genesis:" || folder id):
 * a journal extracted for one folder starts from a value anyone can recompute, and cannot be passed off as
 * another folder's.
 */
export function folderGenesisHash(folderId: string): string {
  return createHash('sha256').update(`lecoffre-folder-audit-genesis:${folderId}`).digest('hex');
}

/**
 * hash = sha256(prevHash || canonical event), for both chains an event belongs to: its office's (prev = the
 * office's previous event) and its folder's (prev = the folder's previous event). canonicalJson gives the
 * RFC 8785 bytes for the JSON values events hold (strings, integers, booleans, null, objects, arrays).
 * Changing, inserting or removing a past event breaks every later hash.
 */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}
