import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { pino } from 'pino';
import supertest from 'supertest';
import { openFolderWithClient } from '../../../test/support/folder-flow.js';
import { eventually } from '../../../test/support/patience.js';
import {
  createFolderWithClient,
  createMemberSession,
  createOffice,
  createTestApp,
  mintWidgetToken,
  type TestApp,
} from '../../../test/support/test-app.js';
import { createApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import type { ServiceContext } from '../../services/context.js';
import { presentFolders } from '../../services/folders/present-folders.js';
import { readFolders } from '../../services/folders/read-folders.js';
import { listenForApiKeyRevocations } from '../api-key-revocations.js';

let t: TestApp;
let folderId: string;
before(async () => {
  t = await createTestApp();
  let firstClientId: string;
  ({ folderId, clientId: firstClientId } = await openFolderWithClient(t, 'R-1'));
  // A second client, a request for the first one (completion 0/1), and an access list of two members.
  await t.request
    .post(`/v1/folders/${folderId}/clients`)
    .set('Authorization', t.office.auth)
    .send({ client: { lastName: 'Fabre', firstName: 'Paul', mobile: '06 11 22 33 44', email: 'paul.fabre@example.fr' } })
    .expect(200);
  await t.request
    .post(`/v1/folders/${folderId}/document-requests`)
    .set('Authorization', t.office.auth)
    .send({ clientId: firstClientId, documents: [{ label: 'Livret de famille' }] })
    .expect(201);
  const members = [await createMemberSession(t.db, t.office.id, { role: 'collaborator' }), await createMemberSession(t.db, t.office.id)];
  await t.request
    .put(`/v1/folders/${folderId}/members`)
    .set('Authorization', t.office.auth)
    .send({ access: 'members', memberIds: members.map((m) => m.memberId) })
    .expect(200);
});
after(() => t.close());

/**
 * Every statement sent to PostgreSQL while `work` runs (transaction control included), as the driver sends
 * it: through Sequelize, and on the pool's connections directly. A named (prepared) statement, which
 * PostgreSQL plans once per connection, is marked "[prepared]".
 */
async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const send = pg.Client.prototype.query;
  // pg's query() has a dozen overloads; the spy hands every argument on untouched, it reads the text only.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    const { text = '?', name } = typeof config === 'string' ? { text: config } : (config as { text?: string; name?: string });
    seen.push(name ? `[prepared] ${text}` : text);
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = send;
  }
  return seen;
}

describe('GET /v1/folders/{id}', () => {
  it('costs at most two queries, and one once the API key was verified', async () => {
    // A key this process never verified, on a folder written without the API.
    const office = await createOffice(t.db, 'SCP PREMIERE FOIS');
    const fresh = await createFolderWithClient(t.db, office.id);
    const get = () => t.request.get(`/v1/folders/${fresh.folderId}`).set('Authorization', office.auth).expect(200);
    const first = await queriesDuring(get);
    assert.ok(first.length <= 2, `a GET sent ${first.length} queries:\n${first.join('\n')}`);
    const again = await queriesDuring(get);
    assert.equal(again.length, 1, `a GET with a known key sent ${again.length} queries:\n${again.join('\n')}`);
    // The richer folder (two clients, a request, an access list) costs the same.
    const rich = await queriesDuring(() => t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200));
    assert.equal(rich.length, 1, rich.join('\n'));
    // Planning the read costs PostgreSQL more than running it: it is planned once per connection.
    assert.ok(rich[0]?.startsWith('[prepared]'), rich.join('\n'));
  });

  it('answers what the list shows for the same folder: clients in order, completion, access list', async () => {
    const got = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200);
    const list = await t.request.get('/v1/folders?limit=100').set('Authorization', t.office.auth).expect(200);
    const listed = list.body.data.find((f: { id: string }) => f.id === folderId);
    assert.deepEqual(got.body, listed);
    assert.equal(got.body.clients.length, 2);
    assert.deepEqual(
      got.body.clients.map((c: { completion: unknown }) => c.completion),
      listed.clients.map((c: { completion: unknown }) => c.completion),
    );
    assert.equal(got.body.memberIds.length, 2);
    assert.ok(got.headers.etag.startsWith(`"v${got.body.version}-`), got.headers.etag);
  });

  it('reads what the folders built inside a transaction show (anchoring presents them so): the same JSON', async () => {
    const ctx: ServiceContext = {
      db: t.db,
      actor: { kind: 'api_key', officeId: t.office.id, credentialId: 'test', memberId: null, role: null, folderId: null, ip: null },
    };
    // A second folder, anchored, its timestamps to the microsecond (PostgreSQL's precision; a read gives milliseconds).
    const { folderId: anchoredId } = await openFolderWithClient(t, 'R-ANCHORED');
    await t.db.sequelize.query(
      `INSERT INTO anchor_batches (id, network, status, root, folder_count, final) VALUES ('abt_read', 'ghostnet', 'final', 'root', 1, :final);
       INSERT INTO folder_anchors (folder_id, office_id, folder_root, files, batch_id, requested_at, anchored_at)
         VALUES (:folder, :office, 'root', '[]', 'abt_read', '2026-12-04 10:00:00.123456+00', '2026-12-04 10:02:30.999999+00');
       UPDATE folders SET anchor_status = 'anchored', completed_at = '2026-12-04 09:59:59.000001+00' WHERE id = :folder;`,
      {
        replacements: {
          folder: anchoredId,
          office: t.office.id,
          final: JSON.stringify({
            kind: 'tezos',
            network: 'ghostnet',
            operationHash: 'ooRead',
            explorerUrl: 'https://tzkt.example/ooRead',
          }),
        },
      },
    );
    const rows = await t.db.models.Folder.findAll({ where: { id: [folderId, anchoredId] }, order: [['id', 'ASC']] });
    const read = await readFolders(
      ctx,
      rows.map((row) => row.id),
    );
    const built = await t.db.sequelize.transaction((transaction) => presentFolders(ctx, rows, transaction));
    assert.equal(read[0]?.clients.length, 2);
    // Compared as objects: timestamps must come back as the same Dates, not merely print the same.
    assert.deepStrictEqual(read, built);
    const anchored = read[1];
    assert.ok(anchored?.anchor?.requestedAt instanceof Date);
    assert.equal(anchored.anchor.requestedAt.toISOString(), '2026-12-04T10:00:00.123Z');
    assert.equal(anchored.anchor.anchoredAt?.toISOString(), '2026-12-04T10:02:30.999Z');
    assert.equal(anchored.completedAt?.toISOString(), '2026-12-04T09:59:59.000Z');
    assert.equal(anchored.anchor.operationHash, 'ooRead');
  });

  it('shows a client widget only its own client, and no internal note', async () => {
    const folder = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.office.auth).expect(200);
    const [claire] = folder.body.clients;
    const token = await mintWidgetToken(t.request, t.office.auth, { clientId: claire.id, folderId, components: ['upload'] });
    const seen = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', `Bearer ${token}`).expect(200);
    assert.deepEqual(
      seen.body.clients.map((c: { id: string }) => c.id),
      [claire.id],
    );
    assert.equal(seen.body.note, '');
  });

  it('tells two collaborators apart in one process: the one not on the access list gets 404, in either order', async () => {
    const listed = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    const other = await createMemberSession(t.db, t.office.id, { role: 'collaborator' });
    const restricted = (await openFolderWithClient(t, 'R-2')).folderId;
    await t.request
      .put(`/v1/folders/${restricted}/members`)
      .set('Authorization', t.office.auth)
      .send({ access: 'members', memberIds: [listed.memberId] })
      .expect(200);
    for (const [first, second] of [
      [listed, other],
      [other, listed],
    ]) {
      for (const member of [first, second]) {
        await t.request
          .get(`/v1/folders/${restricted}`)
          .set('Authorization', member.auth)
          .expect(member === listed ? 200 : 404);
      }
    }
  });

  it('still answers 404 for a folder of another office', async () => {
    const res = await t.request.get(`/v1/folders/${folderId}`).set('Authorization', t.otherOffice.auth).expect(404);
    assert.equal(res.body.code, 'folder_not_found');
  });
});

describe('GET /v1/folders', () => {
  it('costs two statements for a page, whatever its size: the ids, then one prepared read of the folders', async () => {
    for (let i = 0; i < 3; i++) await openFolderWithClient(t, `P-${i}`);
    const list = () => t.request.get('/v1/folders?limit=100').set('Authorization', t.office.auth).expect(200);
    await list();
    let page: supertest.Response | undefined;
    const sent = await queriesDuring(async () => {
      page = await list();
    });
    assert.ok((page?.body.data.length ?? 0) >= 4, 'the page holds every folder of the office');
    assert.equal(sent.length, 2, sent.join('\n'));
    assert.ok(sent[1]?.startsWith('[prepared]'), sent.join('\n'));
  });
});

describe('verified API keys across processes', () => {
  it('a key revoked anywhere is refused by another process that kept it', async () => {
    // A second API process on the same database: its own pool, its own verified keys, its own listener.
    const db = openDatabase(t.databaseUrl);
    const revocations = await listenForApiKeyRevocations(db, () => {});
    try {
      const other = supertest(createApp({ config: t.config, db, logger: pino({ level: 'silent' }), storage: t.storage }));
      const office = await createOffice(t.db, 'SCP REVOQUEE');
      await other.get('/v1/folders').set('Authorization', office.auth).expect(200);
      const kept = await queriesDuring(() => other.get('/v1/folders').set('Authorization', office.auth).expect(200));
      assert.ok(!kept.some((sql) => sql.includes('api_keys')), 'the second request looked the key up again');
      // Revoked by an operator's own SQL, behind both apps' backs: the trigger announces it at commit.
      await t.db.sequelize.query('UPDATE api_keys SET revoked_at = now() WHERE office_id = :id', { replacements: { id: office.id } });
      await eventually(
        'the other process refusing the revoked key',
        async () => (await other.get('/v1/folders').set('Authorization', office.auth)).status === 401,
      );
    } finally {
      await revocations.close();
      await db.close();
    }
  });
});

describe('POST /v1/folders', () => {
  it('writes the folder, its audit event and its webhook event in one statement, then links the office chain before answering', async () => {
    // The first creation of the process has read the deed type catalogue; the next ones send only their write.
    await t.request
      .post('/v1/folders')
      .set('Authorization', t.office.auth)
      .send({ number: 'W-0', title: 'Vente', deedType: 'vente' })
      .expect(201);
    const seen = await queriesDuring(() =>
      t.request
        .post('/v1/folders')
        .set('Authorization', t.office.auth)
        .send({ number: 'W-1', title: 'Vente', deedType: 'vente' })
        .expect(201),
    );
    // Everything the change sent before the office chain's linker took its lock.
    const linking = seen.findIndex((sql) => sql.includes("pg_advisory_xact_lock(hashtext('audit:'"));
    assert.ok(linking > 0, `the office chain was not linked before the answer:\n${seen.join('\n')}`);
    const change = seen.slice(0, linking);
    assert.ok(
      !change.some((sql) => /pg_advisory|START TRANSACTION|BEGIN/.test(sql)),
      `the change locked or opened a transaction:\n${change.join('\n')}`,
    );
    const writes = change.filter((sql) => sql.includes('INSERT INTO'));
    assert.equal(writes.length, 1, `the change was written in ${writes.length} statements:\n${change.join('\n')}`);
    for (const table of ['folders', 'audit_events', 'outbox_events']) assert.ok(writes[0]?.includes(`INSERT INTO ${table} `), table);
    assert.equal(change.length, 1, `a POST sent ${change.length} statements before linking:\n${change.join('\n')}`);
    assert.ok(
      seen.slice(linking).some((sql) => sql.startsWith('UPDATE audit_events')),
      'the office chain was not linked before the answer',
    );
  });
});
