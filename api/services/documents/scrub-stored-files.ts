import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { type DataKeyCipher, IntegrityError } from '../../ports/data-key-cipher.js';
import type { Metrics } from '../../ports/metrics.js';
import { systemContext } from '../anchoring/system-context.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { readStoredFile } from './read-stored-file.js';
import { STORED_FILE_TABLE_NAMES, STORED_FILE_TABLES, type StoredFileTable } from './stored-files.js';

/** The stable name of the alert log line: alerting rules match on it. */
export const INTEGRITY_ALERT_EVENT = 'stored_file_integrity_failed';
/** The audit action recorded on the file's folder (on the office for an office file). */
export const INTEGRITY_AUDIT_ACTION = 'document.integrity_failed';

/** Where the scrub's counts go: the process's metrics (the counter of blobs scrubbed, by result). */
export type ScrubMetrics = Pick<Metrics, 'blobScrubbed'>;

export interface ScrubDeps {
  db: Database;
  blobStore: BlobStore;
  cipher: DataKeyCipher;
  logger: { error(fields: object, message: string): void; info(fields: object, message: string): void };
  metrics?: ScrubMetrics;
  /** Waits between files to keep under the byte rate (tests pass an unlimited rate and never wait). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ScrubOptions {
  /** Most bytes read per second, averaged over the run. */
  bytesPerSecond: number;
  /** The run stops at the first file that starts after this many milliseconds (the cursor keeps its place). */
  budgetMs: number;
  /** Rows fetched at a time. */
  batchSize?: number;
  /** Most files checked by this run (default: as many as the budget allows). */
  maxFiles?: number;
}

export interface ScrubFinding {
  table: StoredFileTable;
  fileId: string;
  storageKey: string;
  folderId: string | null;
  reason: IntegrityError['reason'];
}

export interface ScrubResult {
  checked: number;
  bytes: number;
  failures: ScrubFinding[];
  /** The run reached the last file: the next one starts a new pass from the first. */
  passCompleted: boolean;
}

interface Cursor {
  table: StoredFileTable;
  afterId: string;
}

interface FileRow {
  id: string;
  office_id: string;
  folder_id: string | null;
  storage_key: string;
  wrapped_data_key: string;
  master_key_id: string;
  sha256: string;
  size: number;
}

/**
 * Re-reads stored files in id order, from where the last run stopped, and checks each the strongest way:
 * decrypted (every segment authenticated) to the SHA-256 and size recorded at upload. A file that fails
 * (blob missing, tampered, truncated, wrong hash) gets an alert log line (`event` INTEGRITY_ALERT_EVENT),
 * an audit event on its folder, and a count in the metrics; the run goes on with the next file. The
 * cursor moves after every file, so a restart repeats at most the file it was reading.
 */
export async function scrubStoredFiles(deps: ScrubDeps, options: ScrubOptions): Promise<ScrubResult> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  const result: ScrubResult = { checked: 0, bytes: 0, failures: [], passCompleted: false };
  let cursor = await loadCursor(deps.db);

  while (now() - started < options.budgetMs && result.checked < (options.maxFiles ?? Number.POSITIVE_INFINITY)) {
    const rows = await nextFiles(deps.db, cursor, options.batchSize ?? 100);
    if (rows.length === 0) {
      const next = STORED_FILE_TABLE_NAMES[STORED_FILE_TABLE_NAMES.indexOf(cursor.table) + 1];
      if (next) {
        cursor = { table: next, afterId: '' };
        continue;
      }
      result.passCompleted = true;
      await completePass(deps.db);
      deps.logger.info({ event: 'integrity_scrub_pass_completed' }, 'integrity scrub: every stored file was checked');
      break;
    }
    for (const row of rows) {
      if (now() - started >= options.budgetMs || result.checked >= (options.maxFiles ?? Number.POSITIVE_INFINITY)) return result;
      const bytes = await checkFile(deps, cursor.table, row, result);
      result.checked += 1;
      result.bytes += bytes;
      cursor = { table: cursor.table, afterId: row.id };
      await saveCursor(deps.db, cursor);
      // Paced on the bytes read so far: the run's average stays under the limit.
      const due = (result.bytes / options.bytesPerSecond) * 1000 - (now() - started);
      if (due > 0) await sleep(due);
    }
  }
  return result;
}

async function checkFile(deps: ScrubDeps, table: StoredFileTable, row: FileRow, result: ScrubResult): Promise<number> {
  let bytes = 0;
  try {
    const plaintext = await readStoredFile(
      {
        storageKey: row.storage_key,
        wrappedDataKey: row.wrapped_data_key,
        masterKeyId: row.master_key_id,
        sha256: row.sha256,
        size: row.size,
      },
      deps,
    );
    for await (const chunk of plaintext) bytes += (chunk as Buffer).length;
    deps.metrics?.blobScrubbed('ok');
    return bytes;
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    const finding: ScrubFinding = { table, fileId: row.id, storageKey: row.storage_key, folderId: row.folder_id, reason: error.reason };
    result.failures.push(finding);
    deps.metrics?.blobScrubbed(error.reason === 'blob_missing' ? 'missing' : 'corrupt');
    deps.logger.error(
      { event: INTEGRITY_ALERT_EVENT, ...finding, officeId: row.office_id, err: error.message },
      'integrity scrub: a stored file does not match its record',
    );
    const ctx = systemContext(deps.db, row.office_id, 'integrity-scrub');
    await deps.db.sequelize.transaction((transaction) =>
      recordAuditEvent(ctx, transaction, {
        action: INTEGRITY_AUDIT_ACTION,
        subjectType: table === 'document_files' ? 'document_file' : 'office_file',
        subjectId: row.id,
        folderId: row.folder_id,
        data: { reason: error.reason },
      }),
    );
    return bytes;
  }
}

async function nextFiles(db: Database, cursor: Cursor, limit: number): Promise<FileRow[]> {
  // Table and column names come from STORED_FILE_TABLES, never from input.
  const t = STORED_FILE_TABLES[cursor.table];
  return db.sequelize.query<FileRow>(
    `SELECT id, office_id, ${t.folderColumn ?? 'NULL'} AS folder_id, storage_key, wrapped_data_key, master_key_id, sha256, size
       FROM ${t.table} WHERE id > :afterId ORDER BY id LIMIT :limit`,
    { replacements: { afterId: cursor.afterId, limit }, type: QueryTypes.SELECT },
  );
}

async function loadCursor(db: Database): Promise<Cursor> {
  const [row] = await db.sequelize.query<{ table_name: string; after_id: string }>(
    `SELECT table_name, after_id FROM integrity_scrub_cursor WHERE id = 'scrub'`,
    { type: QueryTypes.SELECT },
  );
  // A table no longer listed (renamed in a later version) restarts the pass rather than skipping files.
  if (!row || !STORED_FILE_TABLE_NAMES.includes(row.table_name as StoredFileTable))
    return { table: STORED_FILE_TABLE_NAMES[0], afterId: '' };
  return { table: row.table_name as StoredFileTable, afterId: row.after_id };
}

async function saveCursor(db: Database, cursor: Cursor): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO integrity_scrub_cursor (id, table_name, after_id, pass_started_at) VALUES ('scrub', :table, :afterId, now())
     ON CONFLICT (id) DO UPDATE SET table_name = :table, after_id = :afterId, updated_at = now()`,
    { replacements: { table: cursor.table, afterId: cursor.afterId } },
  );
}

async function completePass(db: Database): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO integrity_scrub_cursor (id, table_name, after_id, pass_started_at, passes_completed)
       VALUES ('scrub', :table, '', now(), 1)
     ON CONFLICT (id) DO UPDATE SET table_name = :table, after_id = '', pass_started_at = now(),
       passes_completed = integrity_scrub_cursor.passes_completed + 1, updated_at = now()`,
    { replacements: { table: STORED_FILE_TABLE_NAMES[0] } },
  );
}
