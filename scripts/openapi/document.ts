/**
 * The loose shape of the OpenAPI 3.0 document the post-processing steps edit (scripts/openapi-*.ts).
 * Only what they read or write is typed; the rest passes through untouched.
 */
export type Json = Record<string, unknown>;

export interface MediaType {
  schema?: Json & { type?: string; format?: string; $ref?: string };
  example?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, Json>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Json[];
  requestBody?: unknown;
  responses: Record<string, ResponseObject>;
  security?: Array<Record<string, string[]>>;
  deprecated?: boolean;
  [extension: `x-${string}`]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: Json;
  servers?: Json[];
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Json>;
    securitySchemes?: Record<string, Json>;
    headers?: Record<string, Json>;
    parameters?: Record<string, Json>;
    examples?: Record<string, Json>;
    responses?: Record<string, Json>;
    requestBodies?: Record<string, Json>;
  };
  [extension: `x-${string}`]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Every operation of the document, with its path and method. */
export function* operationsOf(spec: OpenApiDocument): Generator<{ path: string; method: string; operation: Operation }> {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) yield { path, method, operation };
    }
  }
}

/** The document as committed: two-space indentation and a final newline, like every other JSON file of the repository. */
export function serialize(spec: OpenApiDocument): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}
