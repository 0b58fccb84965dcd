// Self-contained on purpose (no import): `npm run generate` copies this file into the SDK
// (sdk/generated/file-types.ts) and writes the list into the OpenAPI spec (the upload bodies' encoding).

/**
 * The document types LeCoffre accepts: the one list. The API checks uploads against it on their bytes
 * (services/documents/upload-inspector.ts); the widgets read the SDK's copy to refuse a wrong file before
 * sending it. Extensions are lower case, with their dot, for `<input type="file" accept>`.
 */
export const FILE_TYPES = [
  { mime: 'application/pdf', extensions: ['.pdf'] },
  { mime: 'image/png', extensions: ['.png'] },
  { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
] as const;

export const ACCEPTED_FILE_TYPES = FILE_TYPES.map((type) => type.mime);
export type AcceptedFileType = (typeof FILE_TYPES)[number]['mime'];

export const ACCEPTED_FILE_EXTENSIONS = FILE_TYPES.flatMap((type) => type.extensions);
