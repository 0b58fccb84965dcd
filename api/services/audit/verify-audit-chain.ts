import type { Database } from '../../db/database.js';
import { chainHash, folderGenesisHash, GENESIS_HASH } from '../../domain/audit-chain.js';
import { readAuditRows } from './audit-rows.js';
import { linkOfficeChain } from './link-office-chain.js';

export type ChainVerdict = { ok: true; events: number } | { ok: false; events: number; brokenAt: string; reason: string };

/**
 * Recomputes an office's whole chain from the stored fields. A row edited, inserted or deleted directly in
 * the database (bypassing the services) shows up as the first event whose hash no longer follows. Events a
 * dead process committed without linking them are linked first (link-office-chain.ts).
 */
export async function verifyAuditChain(db: Database, officeId: string): Promise<ChainVerdict> {
  await linkOfficeChain(db, officeId);
  const rows = await readAuditRows(db.sequelize, 'office', officeId);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const { seq: _seq, prevHash, hash, folderPrevHash: _fp, folderHash: _fh, ...event } = row;
    if (prevHash !== prev)
      return {
        ok: false,
        events: rows.length,
        brokenAt: row.id,
        reason: 'prev_hash does not match the previous event (an event was removed or inserted)',
      };
    if (chainHash(prev, event) !== hash)
      return { ok: false, events: rows.length, brokenAt: row.id, reason: 'the event was modified after it was written' };
    prev = hash;
  }
  return { ok: true, events: rows.length };
}

/** The same check over one folder's own chain, from its genesis (what a proof bundle's journal carries). */
export async function verifyFolderAuditChain(db: Database, folderId: string): Promise<ChainVerdict> {
  const rows = await readAuditRows(db.sequelize, 'folder', folderId);
  let prev = folderGenesisHash(folderId);
  for (const row of rows) {
    const { seq: _seq, prevHash: _p, hash: _h, folderPrevHash, folderHash, ...event } = row;
    if (folderPrevHash !== prev) {
      return {
        ok: false,
        events: rows.length,
        brokenAt: row.id,
        reason: 'folder_prev_hash does not match the previous event of the folder',
      };
    }
    if (chainHash(prev, event) !== folderHash) {
      return { ok: false, events: rows.length, brokenAt: row.id, reason: 'the event was modified after it was written' };
    }
    prev = folderHash;
  }
  return { ok: true, events: rows.length };
}
