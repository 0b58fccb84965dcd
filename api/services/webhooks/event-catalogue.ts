import { readFileSync } from 'node:fs';
import type { EventType } from '../outbox/emit-event.js';

/** Event types vendors may subscribe to: all of the outbox's but the internal ones. */
export type PublicEventType = Exclude<EventType, 'document.shared'>;

/** A JSON Schema document: keywords and their values. */
export interface JsonSchema {
  [keyword: string]: unknown;
}

export interface EventTypeInfo {
  /** e.g. `document.uploaded`. */
  name: string;
  description: string;
  /** JSON Schema (2020-12) of the whole delivered body `{ type, timestamp, officeId, app?, data }`. */
  schema: JsonSchema;
}

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/**
 * The delivered body around `data`, the one definition of it (openapi.json's event schemas and
 * GET /v1/event-types are built from it; outbox-event.ts writes it): `type` is a schema of the one type.
 */
export function envelopeSchema(type: Schema, data: Schema): Schema {
  return {
    type: 'object',
    required: ['type', 'timestamp', 'officeId', 'data'],
    additionalProperties: false,
    properties: {
      type,
      timestamp: { type: 'string', format: 'date-time', description: 'When the change committed.' },
      officeId: {
        type: 'string',
        description: "The office the event belongs to (an app's one endpoint receives every connected office's events).",
      },
      app: {
        type: 'object',
        description: 'The vendor app that made the change, when an app did (absent otherwise).',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
      data,
    },
  };
}

// `data` is the resource as the API returns it, so its schema is the API's own (openapi.json
// components, generated from the code): the catalogue cannot drift from the payloads. Exported for
// `npm run generate`, which writes each event into openapi.json (and so into the SDK's types).
export const CATALOGUE: Readonly<Record<PublicEventType, { description: string; data: Schema }>> = {
  'folder.created': { description: 'A folder was created. `data`: the folder.', data: ref('Folder') },
  'folder.updated': { description: 'A folder changed (title, number, note, access list). `data`: the folder.', data: ref('Folder') },
  'folder.archived': { description: 'A folder was archived. `data`: the folder.', data: ref('Folder') },
  'folder.completed': {
    description: 'Every live document request of the folder is validated (100 %). `data`: the folder id and its completion.',
    data: {
      type: 'object',
      required: ['id', 'completion'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, completion: ref('Completion') },
    },
  },
  'client.added': {
    description: 'A client was added to a folder. `data`: the folder id and the client as the folder shows it.',
    data: {
      type: 'object',
      required: ['folderId', 'client'],
      additionalProperties: false,
      properties: { folderId: { type: 'string' }, client: ref('FolderClient') },
    },
  },
  'document.requested': {
    description: 'A document was requested from a client. `data`: the document request.',
    data: ref('DocumentRequest'),
  },
  'document.request_cancelled': {
    description:
      'The office withdrew a document request: the client no longer has to answer it. `data`: the document request as it was, with its files.',
    data: ref('DocumentRequest'),
  },
  'document.uploaded': { description: 'A client sent a file. `data`: the file record (never its bytes).', data: ref('DocumentFile') },
  'document.validated': { description: 'A file was validated by the office. `data`: the file record.', data: ref('DocumentFile') },
  'document.refused': { description: 'A file was refused, with a reason. `data`: the file record.', data: ref('DocumentFile') },
  'folder.anchoring_started': { description: 'The folder is being anchored on Tezos. `data`: the folder.', data: ref('Folder') },
  'folder.anchored': { description: 'The folder’s proof is final on Tezos. `data`: the folder.', data: ref('Folder') },
  'folder.anchoring_failed': {
    description: 'Anchoring the folder failed; it will be tried again. `data`: the folder.',
    data: ref('Folder'),
  },
  'member.pending': {
    description: 'A collaborator signed in for the first time and awaits a notary’s approval. `data`: the member.',
    data: ref('Member'),
  },
  'app.authorized': {
    description: 'A notary of the office connected a vendor’s app (OAuth consent). `data`: the connection.',
    data: ref('AppConnection'),
  },
  'app.deauthorized': {
    description:
      'A vendor’s app lost its access to the office (disconnected by the office, revoked by the app, or a reused refresh token). `data`: the connection.',
    data: ref('AppConnection'),
  },
};

export const PUBLIC_EVENT_TYPES = Object.keys(CATALOGUE) as PublicEventType[];

export function isPublicEventType(type: string): type is PublicEventType {
  return Object.hasOwn(CATALOGUE, type);
}

const SPEC_URL = new URL('../../../openapi/openapi.json', import.meta.url);
const NUMERIC_FORMATS = new Set(['double', 'float', 'int32', 'int64']);

/**
 * OpenAPI 3.0 schema -> JSON Schema 2020-12: `nullable` becomes a `null` type, component references
 * point into `$defs`, and tsoa's numeric formats (not JSON Schema formats) go.
 */
function toJsonSchema(node: unknown, used: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, used));
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === 'format' && NUMERIC_FORMATS.has(value as string)) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/components/schemas/', '');
      used.add(name);
      out.$ref = `#/$defs/${name}`;
      continue;
    }
    out[key] = toJsonSchema(value, used);
  }
  if ((node as Schema).nullable === true) {
    if (Array.isArray(out.allOf)) {
      // A nullable reference (`allOf: [$ref]` + `nullable`, its `type` stated beside for OpenAPI 3.0 linters):
      // either the thing or null.
      const { description, type: _type, ...rest } = out;
      return { anyOf: [rest, { type: 'null' }], ...(description ? { description } : {}) };
    }
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    }
  }
  return out;
}

let cached: EventTypeInfo[] | undefined;

/** The catalogue, with a self-contained JSON Schema per event type (built once from openapi.json). */
export function eventTypeCatalogue(): EventTypeInfo[] {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const components = spec.components.schemas;
  cached = PUBLIC_EVENT_TYPES.map((name) => {
    const used = new Set<string>();
    const data = toJsonSchema(CATALOGUE[name].data, used) as Schema;
    const defs: Schema = {};
    // Pull in every component reachable from the payload, transitively.
    for (const pending = [...used]; pending.length > 0; ) {
      const component = pending.pop() as string;
      if (defs[component]) continue;
      const before = new Set(used);
      defs[component] = toJsonSchema(components[component], used);
      for (const added of used) if (!before.has(added)) pending.push(added);
    }
    const schema: Schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: name,
      ...envelopeSchema({ const: name }, data),
      $defs: defs,
    };
    return { name, description: CATALOGUE[name].description, schema };
  });
  return cached;
}
