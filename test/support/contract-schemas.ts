/**
 * The committed spec, adapted for JSON Schema validators (openapi-backend's Ajv), never changed in meaning:
 * - a nullable reference (`allOf: [$ref]` + `nullable`) also accepts null: in OpenAPI 3.0 `nullable` only
 *   widens the `type` beside it, so Ajv would still apply the referenced object schema to a null, while
 *   every generator (openapi-typescript included) reads it as "this schema or null";
 * - openapi-backend validates only `application/json` bodies, so a problem answer's
 *   `application/problem+json` schema is also offered under that name; the media types the spec
 *   really declares stay in `x-declared-media`, which the checks compare the Content-Type against.
 */
type Node = Record<string, unknown>;

export function validationCopy<T>(spec: T): T {
  const copy = structuredClone(spec) as Node;
  allowNullReferences(copy);
  const paths = copy.paths as Record<string, Record<string, { responses?: Record<string, Node> }>>;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(operation.responses ?? {})) {
        const content = response.content as Record<string, unknown> | undefined;
        response['x-declared-media'] = Object.keys(content ?? {});
        if (content && !content['application/json']) {
          const json = Object.entries(content).find(([type]) => /^application\/[\w.-]+\+json$/.test(type));
          if (json) content['application/json'] = json[1];
        }
      }
    }
  }
  return copy as T;
}

export function allowNullReferences(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowNullReferences(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Node;
  for (const value of Object.values(schema)) allowNullReferences(value);
  if (schema.nullable === true && Array.isArray(schema.allOf)) {
    const { nullable: _nullable, type: _type, description, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    Object.assign(schema, { anyOf: [rest, { type: 'null' }] }, description === undefined ? {} : { description });
  }
}
