// Self-contained on purpose (no import): `npm run generate` copies this file into the SDK
// (sdk/generated/file-types.ts) and writes the list into the OpenAPI spec (the upload bodies' encoding).

/**
 * The document types LeCoffre accepts: the one list. The API checks uploads against it on their bytes
 * (services/documents/upload-inspector.ts); the widgets read the SDK's copy to refuse a wrong file before
 * sending it. Extensions are lower case, with their dot, for `<input type="file" accept>`.
 */
export type AcceptedFileType = 'application/pdf' | 'image/png' | 'image/jpeg';

// A plain array literal (no `as const`, no expression): tsoa reads it statically into the contract as the
// media types a file download answers with, and its decorators take a mutable array.
export const ACCEPTED_FILE_TYPES: AcceptedFileType[] = ['application/pdf', 'image/png', 'image/jpeg'];

const EXTENSIONS: Record<AcceptedFileType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

export const FILE_TYPES = ACCEPTED_FILE_TYPES.map((mime) => ({ mime, extensions: EXTENSIONS[mime] }));

export const ACCEPTED_FILE_EXTENSIONS = ACCEPTED_FILE_TYPES.flatMap((mime) => EXTENSIONS[mime]);
