/**
 * tsoa can only describe multipart bodies it parses itself (through multer, into memory). Our upload
 * routes stream the body (api/http/multipart.ts), so their controllers take no body parameter and the
 * request body is described here instead, from one definition, after tsoa wrote the document.
 */
import { ACCEPTED_FILE_EXTENSIONS, ACCEPTED_FILE_TYPES } from '../api/domain/file-types.js';
import type { OpenApiDocument } from './openapi/document.js';

const UPLOAD_OPERATIONS = [
  ['/v1/document-requests/{id}/documents', false],
  ['/v1/document-requests/{id}/files', false],
  ['/v1/folders/{id}/extra-documents', true],
  ['/v1/folders/{id}/extra-files', true],
  ['/v1/folders/{id}/shared-files', 'label'],
] as const;

/** `true`: a `clientId` field (extra files sent by a member); `'label'`: the office's document, one file and its label. */
function uploadBody(withClientId: boolean | 'label') {
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            ...(withClientId === 'label'
              ? {
                  label: {
                    type: 'string',
                    maxLength: 200,
                    description: 'What the clients read (default: the file name); before the file.',
                  },
                }
              : {}),
            ...(withClientId === true
              ? {
                  clientId: {
                    type: 'string',
                    description: 'The client of the folder the files come from (members only; a client sends as themself).',
                  },
                }
              : {}),
            sha256: {
              type: 'string',
              pattern: '^[0-9a-fA-F]{64}$',
              description:
                'SHA-256 of the next `file` part, computed before sending; the file is refused (422 checksum_mismatch) unless the bytes received hash the same. Repeat before each file.',
            },
            file: {
              type: 'array',
              maxItems: withClientId === 'label' ? 1 : 20,
              items: { type: 'string', format: 'binary' },
              description: `${ACCEPTED_FILE_EXTENSIONS.join(', ')} (checked on the bytes); one part per file.`,
            },
          },
        },
        encoding: { file: { contentType: ACCEPTED_FILE_TYPES.join(', ') } },
      },
    },
  };
}

export function addUploadBodies(spec: OpenApiDocument): void {
  for (const [path, withClientId] of UPLOAD_OPERATIONS) {
    const operation = spec.paths[path]?.post;
    if (!operation) throw new Error(`openapi-upload-bodies: no POST ${path} in the spec; update UPLOAD_OPERATIONS`);
    operation.requestBody = uploadBody(withClientId);
  }
}
