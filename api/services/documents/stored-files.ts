/**
 * Every table whose rows point at an encrypted blob (`storage_key`, with the data key that opens it and
 * the SHA-256 and size of the plaintext). The orphan sweep keeps what they name, a backup copies it and
 * the integrity scrub re-reads it: a new table of stored files must be listed here.
 */
export const STORED_FILE_TABLES = {
  /** A client's files; they belong to a folder. */
  document_files: { table: 'document_files', folderColumn: 'folder_id' },
  /** An office's own files (a RIB's PDF): no folder. */
  office_files: { table: 'office_files', folderColumn: null },
} as const;

export type StoredFileTable = keyof typeof STORED_FILE_TABLES;
export const STORED_FILE_TABLE_NAMES = Object.keys(STORED_FILE_TABLES) as StoredFileTable[];

/** `SELECT storage_key FROM … UNION …` over every stored-file table, with `where` applied to each. */
export function storageKeysQuery(where = 'TRUE'): string {
  return STORED_FILE_TABLE_NAMES.map((t) => `SELECT storage_key FROM ${STORED_FILE_TABLES[t].table} WHERE ${where}`).join('\n UNION\n');
}
