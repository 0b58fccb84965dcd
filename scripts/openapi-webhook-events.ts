/**
 * Writes the webhook event catalogue (api/services/webhooks/event-catalogue.ts, the one list of what is
 * delivered) into openapi.json as component schemas: one per event type, `{ type, timestamp, data }` with
 * `type` a single value, and `WebhookEvent`, their union. openapi-typescript turns that into a discriminated
 * union for the SDK (`event.type` narrows `event.data`), and other languages' generators can use it too.
 * OpenAPI 3.0 has no `webhooks` section, hence schemas.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { CATALOGUE, PUBLIC_EVENT_TYPES } from '../api/services/webhooks/event-catalogue.js';

/** `folder.anchoring_started` -> `FolderAnchoringStartedEvent`. */
export function eventSchemaName(type: string): string {
  return `${type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Event`;
}

export async function addWebhookEvents(specPath: URL): Promise<void> {
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const schemas = spec.components.schemas;
  for (const type of PUBLIC_EVENT_TYPES) {
    const name = eventSchemaName(type);
    if (schemas[name]) throw new Error(`openapi-webhook-events: ${name} is already a schema of the API; rename one of them`);
    schemas[name] = {
      description: CATALOGUE[type].description,
      type: 'object',
      required: ['type', 'timestamp', 'data'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: [type] },
        timestamp: { type: 'string', format: 'date-time', description: 'When the change committed.' },
        data: CATALOGUE[type].data,
      },
    };
  }
  schemas.WebhookEvent = {
    description: 'A webhook delivery body, once its signature is checked; `type` says which event and so what `data` holds.',
    oneOf: PUBLIC_EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${eventSchemaName(type)}` })),
  };
  await writeFile(specPath, JSON.stringify(spec, null, '\t'));
}
