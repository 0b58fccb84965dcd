import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/database.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { storageKeysQuery } from './stored-files.js';
import { type SweepOrphansResult, sweepOrphans } from './sweep-orphans.js';

/**
 * The orphan sweep the periodic job runs (with `olderThan` an hour ago): temporary blobs of interrupted
 * uploads, and stored blobs that no file record points to (a crash between a blob's move into place and
 * its record's commit, or a multi-file upload cut short after its first files were stored).
 *
 * A blob is kept if a record of one of STORED_FILE_TABLES (a client's file, an office's file) names it.
 */
export function sweepOrphanBlobs(db: Database, blobStore: BlobStore, olderThan: Date): Promise<SweepOrphansResult> {
  return sweepOrphans(blobStore, olderThan, {
    isReferenced: async (storageKeys) => {
      const rows = await db.sequelize.query<{ storage_key: string }>(storageKeysQuery('storage_key IN (:keys)'), {
        replacements: { keys: storageKeys },
        type: QueryTypes.SELECT,
      });
      return new Set(rows.map((row) => row.storage_key));
    },
  });
}
