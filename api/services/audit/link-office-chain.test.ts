import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryTypes } from 'sequelize';
import { officeActor } from '../../../test/support/files.js';
import { createOffice, createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { newId } from '../../domain/ids.js';
import { createFolder } from '../folders/create-folder.js';
import { linkAllOfficeChains } from './link-office-chain.js';
import { recordAuditEvent } from './record-audit-event.js';
import { verifyAuditChain, verifyFolderAuditChain } from './verify-audit-chain.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function chainPositions(officeId: string): Promise<number[]> {
  const rows = await t.db.sequelize.query<{ chain_seq: string }>(
    'SELECT chain_seq FROM audit_events WHERE office_id = :officeId ORDER BY chain_seq',
    { replacements: { officeId }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => Number(r.chain_seq));
}

describe("an office's audit chain under concurrent writes", () => {
  it('lets a change of the office commit while another of the same office is still open', async () => {
    const office = await createOffice(t.db, 'SCP EN PARALLELE');
    const ctx = { db: t.db, actor: officeActor(office.id) };
    const open = await t.db.sequelize.transaction();
    try {
      await recordAuditEvent(ctx, open, { action: 'office.checked', subjectType: 'office', subjectId: office.id, folderId: null });
      // Under an office-wide lock held to the end of `open`, this would wait for it forever.
      await createFolder(ctx, { number: 'P-1', title: 'Vente', deedType: 'vente' });
    } finally {
      await open.commit();
    }
    assert.deepEqual(await verifyAuditChain(t.db, office.id), { ok: true, events: 2 });
  });

  it('stays gap-free and verifiable with twenty creations at once, each folder chain from its genesis', async () => {
    const office = await createOffice(t.db, 'SCP VINGT A LA FOIS');
    const ctx = { db: t.db, actor: officeActor(office.id) };
    const folders = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createFolder(ctx, { number: `C-${i}`, title: `Vente ${i}`, deedType: 'vente' })),
    );
    // Each answer came after its event was linked: nothing waits, without verifying first.
    assert.deepEqual(
      await chainPositions(office.id),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.deepEqual(await verifyAuditChain(t.db, office.id), { ok: true, events: 20 });
    for (const folder of folders) assert.deepEqual(await verifyFolderAuditChain(t.db, folder.id), { ok: true, events: 1 });
  });

  it('links what a process that died between its commit and its linking left, at the sweep', async () => {
    const office = await createOffice(t.db, 'SCP INTERROMPUE');
    const ctx = { db: t.db, actor: officeActor(office.id) };
    await createFolder(ctx, { number: 'I-1', title: 'Vente', deedType: 'vente' });
    // As such a process leaves it: the event committed, its office links never written.
    await t.db.sequelize.query(
      `INSERT INTO audit_events (id, office_id, actor_kind, action, subject_type, subject_id, data, occurred_at)
       VALUES (:id, :officeId, 'api_key', 'office.checked', 'office', :officeId, '{}', now())`,
      { replacements: { id: newId('evt'), officeId: office.id } },
    );
    assert.ok((await linkAllOfficeChains(t.db)) >= 1);
    assert.deepEqual(await chainPositions(office.id), [1, 2]);
    assert.deepEqual(await verifyAuditChain(t.db, office.id), { ok: true, events: 2 });
  });
});
