/**
 * Shapes tsoa writes that OpenAPI 3.0 tools read differently than meant, rewritten after tsoa:
 * - a `$ref` with a sibling (tsoa puts a property's JSDoc next to its `$ref`): siblings of `$ref` are
 *   ignored in 3.0, so the reference moves into `allOf` and the description is kept;
 * - `nullable` without a `type` (a nullable reference, `allOf` + `nullable`): 3.0 defines `nullable` only
 *   alongside `type`, so the referenced schema's type is stated next to it.
 */
import type { Json, OpenApiDocument } from './openapi/document.js';

export function tidySchemas(spec: OpenApiDocument): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const schema = node as Json;
    if (typeof schema.$ref === 'string' && Object.keys(schema).length > 1 && schema.$ref.startsWith('#/components/schemas/')) {
      const { $ref, ...siblings } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      Object.assign(schema, { allOf: [{ $ref }], ...siblings });
    }
    if (schema.nullable === true && schema.type === undefined) {
      const type = referencedType(spec, schema);
      if (type) schema.type = type;
    }
    for (const value of Object.values(schema)) visit(value);
  };
  visit(spec.components.schemas);
  visit(spec.paths);
}

function referencedType(spec: OpenApiDocument, schema: Json): string | undefined {
  const allOf = schema.allOf as Array<{ $ref?: string }> | undefined;
  const ref = allOf?.length === 1 ? allOf[0].$ref : undefined;
  const target = ref ? spec.components.schemas[ref.replace('#/components/schemas/', '')] : undefined;
  return typeof target?.type === 'string' ? target.type : undefined;
}
