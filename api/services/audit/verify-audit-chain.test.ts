import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { officeActor } from '../../../test/support/files.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { backfillFolderChains } from '../../db/migrations/0009-folder-audit-chain.js';
import { createFolder } from '../folders/create-folder.js';
import { updateFolder } from '../folders/update-folder.js';
import { verifyAuditChain, verifyFolderAuditChain } from './verify-audit-chain.js';

let t: TestApp;
const folderIds: string[] = [];
before(async () => {
  t = await createTestApp();
  const ctx = { db: t.db, actor: officeActor(t.office.id) };
  for (let i = 1; i <= 4; i++) {
    const folder = await createFolder(ctx, { number: `A-${i}`, title: `Vente ${i}`, deedType: 'vente' });
    await updateFolder(ctx, folder.id, { note: `note ${i}` });
    folderIds.push(folder.id);
  }
});
after(() => t.close());

async function tamper(sql: string): Promise<void> {
  await t.db.sequelize.query(sql, { replacements: { office: t.office.id } });
}

describe('the audit trail is append-only and hash-chained', () => {
  it("verifies an untouched chain, and each folder's own chain", async () => {
    assert.deepEqual(await verifyAuditChain(t.db, t.office.id), { ok: true, events: 8 });
    for (const id of folderIds) assert.deepEqual(await verifyFolderAuditChain(t.db, id), { ok: true, events: 2 });
  });

  it("the migration's backfill rebuilds every folder chain from the stored events", async () => {
    await t.db.sequelize.query(`UPDATE audit_events SET folder_prev_hash = 'x', folder_hash = 'y' WHERE office_id = :office`, {
      replacements: { office: t.office.id },
    });
    assert.equal((await verifyFolderAuditChain(t.db, folderIds[0])).ok, false);
    await t.db.sequelize.transaction((transaction) => backfillFolderChains(t.db.sequelize, transaction));
    for (const id of folderIds) assert.deepEqual(await verifyFolderAuditChain(t.db, id), { ok: true, events: 2 });
  });

  it("names a folder's event edited behind our back", async () => {
    await tamper(`UPDATE audit_events SET ip = '198.51.100.7' WHERE subject_id = '${folderIds[1]}' AND action LIKE '%updated%'`);
    const verdict = await verifyFolderAuditChain(t.db, folderIds[1]);
    assert.equal(verdict.ok, false);
    assert.match(!verdict.ok ? verdict.reason : '', /modified/);
  });

  it('detects a past event edited directly in the database', async () => {
    await tamper(
      `UPDATE audit_events SET data = '{"number":"A-99"}' WHERE seq = (SELECT min(seq) FROM audit_events WHERE office_id = :office)`,
    );
    const verdict = await verifyAuditChain(t.db, t.office.id);
    assert.equal(verdict.ok, false);
    assert.match(!verdict.ok ? verdict.reason : '', /modified/);
  });

  it('detects a removed event', async () => {
    const t2 = await createTestApp();
    try {
      const ctx = { db: t2.db, actor: officeActor(t2.office.id) };
      for (let i = 1; i <= 3; i++) await createFolder(ctx, { number: `R-${i}`, title: 'x', deedType: 'vente' });
      await t2.db.sequelize.query(
        `DELETE FROM audit_events WHERE seq = (SELECT min(seq) + 1 FROM audit_events WHERE office_id = :office)`,
        {
          replacements: { office: t2.office.id },
        },
      );
      const verdict = await verifyAuditChain(t2.db, t2.office.id);
      assert.equal(verdict.ok, false);
      assert.match(!verdict.ok ? verdict.reason : '', /removed or inserted/);
    } finally {
      await t2.close();
    }
  });

  it("keeps each office's chain apart", async () => {
    const verdict = await verifyAuditChain(t.db, t.otherOffice.id);
    assert.deepEqual(verdict, { ok: true, events: 0 });
  });
});
