/**
 * An example for every JSON request body and success answer, so the reference shows what a call sends
 * and gets back. Written in one place, from the schemas themselves (openapi-sampler: each property's own
 * `example`, else a value of its type, format, enum or pattern), with the product's vocabulary for the
 * fields a reader recognises (a folder number, a client's name, an e-mail); an example already written by
 * hand wins. test/flows/contract/spec-examples.test.ts validates each against its schema and fails for an
 * operation left without one.
 */
import { sample } from 'openapi-sampler';
import type { Json, MediaType, OpenApiDocument } from './openapi/document.js';
import { operationsOf } from './openapi/document.js';

/** Values by property name, used where the schema accepts them (the sampler's placeholder otherwise). */
const FAMILIAR: Record<string, unknown> = {
  number: '2026-0142',
  title: 'Succession Mme Michou',
  lastName: 'Michou',
  firstName: 'Claire',
  email: 'claire.michou@example.fr',
  mobile: '+33626597292',
  reason: 'Document illisible, merci de le renvoyer',
  holder: 'SELAS AP NOTAIRES',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  name: 'Logiciel de rédaction',
  url: 'https://hooks.your-software.example/lecoffre',
  originalName: 'cni-recto-verso.pdf',
  contentType: 'application/pdf',
  sha256: '9f2b5c1e8a7d4f3b6c0e1a2d5b8f7c4e3a6d9b0c2e5f8a1d4b7c0e3f6a9d2b5c',
  note: 'Garant à prévoir',
  password: 'Rennes-Parlement-35',
  code: 'succession',
  deedType: 'succession',
  documentType: 'cni-recto-verso',
  dueDate: '2027-01-15',
  clientId: 'cli_01kbq7w2x3y4z5a6b7c8d9e0f1',
  folderId: 'fld_01kbq7v9m2n3p4q5r6s7t8u9v0',
  memberId: 'mbr_01kbq7t1a2b3c4d5e6f7g8h9j0',
  requestId: 'req_01kbq7w8k9m0n1p2q3r4s5t6v7',
  bankDetailsId: 'bnk_01kbq7r5s6t7u8v9w0x1y2z3a4',
};

/**
 * Bodies where a value of each field is not enough: fields that exclude each other (`clientId` or
 * `client`, `documentType` or `documentTypeId`). Checked against their schema like the generated ones.
 */
const REQUEST_EXAMPLES: Record<string, unknown> = {
  'widgetSessions.create': {
    memberId: 'mbr_01kbq7t1a2b3c4d5e6f7g8h9j0',
    folderId: 'fld_01kbq7v9m2n3p4q5r6s7t8u9v0',
    components: ['folder'],
  },
  'folders.addClient': {
    client: { lastName: 'Michou', firstName: 'Claire', email: 'claire.michou@example.fr', mobile: '06 26 59 72 92' },
  },
  'documentRequests.create': {
    clientId: 'cli_01kbq7w2x3y4z5a6b7c8d9e0f1',
    documents: [
      { documentType: 'cni-recto-verso', dueDate: '2027-01-15' },
      { label: 'Titre de propriété', note: 'Acte de 1998' },
    ],
  },
};

type Schema = Json & { properties?: Record<string, Json>; type?: string | string[]; enum?: unknown[]; pattern?: string; format?: string };

/** Replaces sampled placeholders by familiar values where the property's own schema allows them. */
function familiarize(value: unknown, schema: Schema | undefined, spec: OpenApiDocument): unknown {
  const resolved = resolve(schema, spec);
  if (Array.isArray(value)) {
    const items = resolve(resolved?.items as Schema | undefined, spec);
    return value.map((item) => familiarize(item, items, spec));
  }
  // The sampler's placeholder for a number is 0.1; our numbers are counts, percentages and versions.
  if (value === 0.1) return 1;
  if (value === null || typeof value !== 'object' || !resolved) return value;
  const properties = mergedProperties(resolved, spec);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const property = resolve(properties[key], spec);
    const familiar = FAMILIAR[key];
    out[key] =
      familiar !== undefined && typeof item === 'string' && fits(familiar, property) ? familiar : familiarize(item, property, spec);
  }
  return out;
}

function fits(value: unknown, schema: Schema | undefined): boolean {
  if (!schema || typeof value !== 'string') return false;
  if (schema.enum) return schema.enum.includes(value);
  if (schema.format && schema.format !== 'email') return false;
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return false;
  const max = schema.maxLength as number | undefined;
  const min = schema.minLength as number | undefined;
  return (max === undefined || value.length <= max) && (min === undefined || value.length >= min);
}

function resolve(schema: Schema | undefined, spec: OpenApiDocument): Schema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    if (typeof current.$ref === 'string') current = spec.components.schemas[(current.$ref as string).split('/').pop() as string] as Schema;
    else if (Array.isArray(current.allOf) && current.allOf.length === 1) current = current.allOf[0] as Schema;
    else break;
  }
  return current;
}

function mergedProperties(schema: Schema, spec: OpenApiDocument): Record<string, Schema> {
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]).map((part) => resolve(part, spec)) : [schema];
  return Object.assign({}, ...parts.map((part) => part?.properties ?? {}));
}

function exampleFor(media: MediaType, spec: OpenApiDocument): void {
  if (!media.schema || media.example !== undefined || media.examples) return;
  const sampled = sample(media.schema as never, { skipReadOnly: false, quiet: true, enablePatterns: true }, spec);
  media.example = familiarize(sampled, media.schema as Schema, spec);
}

export function addExamples(spec: OpenApiDocument): void {
  for (const { operation } of operationsOf(spec)) {
    const body = operation.requestBody as { content?: Record<string, MediaType> } | undefined;
    const json = body?.content?.['application/json'];
    if (json && REQUEST_EXAMPLES[operation.operationId] !== undefined && json.example === undefined)
      json.example = REQUEST_EXAMPLES[operation.operationId];
    if (json) exampleFor(json, spec);
    for (const [status, response] of Object.entries(operation.responses)) {
      const media = response.content?.['application/json'];
      if (status.startsWith('2') && media) exampleFor(media, spec);
    }
  }
}
