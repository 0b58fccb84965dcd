/**
 * tsoa 6 describes a `Readable` or `Buffer` return type as `{ type: string, format: byte }` in OpenAPI 3,
 * which means base64 text; our file, preview and proof answers are the raw bytes (`format: binary`). Every
 * non-JSON answer tsoa wrote that way is corrected here, after tsoa wrote the document, so a controller
 * only has to return a `Readable` and name its media types (`@SuccessResponse(200, '…', 'application/zip')`).
 */
import { type OpenApiDocument, operationsOf } from './openapi/document.js';

export function markBinaryAnswers(spec: OpenApiDocument): void {
  for (const { operation } of operationsOf(spec)) {
    for (const response of Object.values(operation.responses)) {
      for (const [mediaType, content] of Object.entries(response.content ?? {})) {
        if (mediaType.includes('json') || content.schema?.type !== 'string' || content.schema.format !== 'byte') continue;
        content.schema.format = 'binary';
      }
    }
  }
}
