import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { newId } from '../../domain/ids.js';
import { findDeedType } from './resolve-deed-type.js';

/**
 * The deed type catalogue is kept per process for a minute; a code added after a process read it (a release
 * seeding a new deed type while older processes still run) must be found at once, not a minute later.
 */
let t: TestApp;

before(async () => {
  t = await createTestApp();
});

after(async () => {
  await t?.close();
});

describe('findDeedType', () => {
  it('finds a code seeded after the catalogue was read, and still answers null for an unknown code', async () => {
    const known = await t.db.models.DeedType.findOne({ order: [['position', 'ASC']] });
    assert.ok(known, 'the seed creates deed types');
    assert.equal((await findDeedType(t.db, known.code))?.id, known.id, 'a seeded code is found (and the catalogue read)');

    const added = await t.db.models.DeedType.create({
      id: newId('deed'),
      code: 'bail_rural_test',
      label: 'Bail rural',
      labelEn: 'Rural lease',
      position: 999,
    });
    assert.equal((await findDeedType(t.db, 'bail_rural_test'))?.id, added.id, 'a code added after the read is found');
    assert.equal(await findDeedType(t.db, 'no_such_deed_type'), null);
  });
});
