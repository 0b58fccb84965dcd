/**
 * Writes the webhook event catalogue (api/services/webhooks/event-catalogue.ts, the one list of what is
 * delivered) into openapi.json as component schemas: one per event type, `{ type, timestamp, officeId, app?, data }` with
 * `type` a single value, and `WebhookEvent`, their union. openapi-typescript turns that into a discriminated
 * union for the SDK (`event.type` narrows `event.data`), and other languages' generators can use it too.
 * OpenAPI 3.0 has no `webhooks` section, hence schemas, and `x-webhooks` (which Redoc and Redocly read) for the reference.
 */
import { CATALOGUE, envelopeSchema, PUBLIC_EVENT_TYPES } from '../api/services/webhooks/event-catalogue.js';
import type { OpenApiDocument } from './openapi/document.js';

/** `folder.anchoring_started` -> `FolderAnchoringStartedEvent`. */
export function eventSchemaName(type: string): string {
  return `${type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Event`;
}

export function addWebhookEvents(spec: OpenApiDocument): void {
  const schemas = spec.components.schemas;
  for (const type of PUBLIC_EVENT_TYPES) {
    const name = eventSchemaName(type);
    if (schemas[name]) throw new Error(`openapi-webhook-events: ${name} is already a schema of the API; rename one of them`);
    schemas[name] = {
      description: CATALOGUE[type].description,
      ...envelopeSchema({ type: 'string', enum: [type] }, CATALOGUE[type].data),
    };
  }
  schemas.WebhookEvent = {
    description: 'A webhook delivery body, once its signature is checked; `type` says which event and so what `data` holds.',
    oneOf: PUBLIC_EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${eventSchemaName(type)}` })),
  };
  spec['x-webhooks'] = Object.fromEntries(
    PUBLIC_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhooks.${type}`,
          summary: type,
          description: `${CATALOGUE[type].description} Signed as Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`): see docs/webhooks.md.`,
          tags: ['Webhooks'],
          // Our request to the vendor's receiver: authenticated by its signature, not by a credential of theirs.
          security: [],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${eventSchemaName(type)}` } } },
          },
          responses: { '200': { description: 'Any 2xx acknowledges the delivery; anything else is retried.' } },
        },
      },
    ]),
  );
}
