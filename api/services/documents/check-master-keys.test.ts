import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createEnvelopeCipher } from '../../adapters/crypto/envelope-cipher.js';
import { createKeyRing, masterKeyFrom } from '../../adapters/crypto/key-wrap.js';
import { findUnopenableMasterKeys } from './check-master-keys.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true' });
});
after(() => t.close());

const otherKey = masterKeyFrom(randomBytes(32));

describe('the master keys a start needs', () => {
  it('finds nothing to open in an empty database, whatever the key', async () => {
    assert.deepEqual(await findUnopenableMasterKeys(t.db, createEnvelopeCipher(createKeyRing(otherKey))), []);
  });

  it('names the key id of sealed records that the ring does not hold, and only that', async () => {
    await t.request.post('/v1/webhook-endpoints').set('Authorization', t.office.auth).send({ url: 'http://127.0.0.1:9/hooks' }).expect(201);
    const sealedWith = t.storage.cipher.currentMasterKeyId;

    assert.deepEqual(await findUnopenableMasterKeys(t.db, t.storage.cipher), []);
    assert.deepEqual(await findUnopenableMasterKeys(t.db, createEnvelopeCipher(createKeyRing(otherKey))), [
      { masterKeyId: sealedWith, tables: ['webhook_secrets'] },
    ]);
  });

  it('lets one damaged record under a held key be, for its own read to report', async () => {
    await t.db.sequelize.query(`UPDATE webhook_endpoints SET secret_sealed = 'v1.damaged'`);
    assert.deepEqual(await findUnopenableMasterKeys(t.db, t.storage.cipher), []);
  });
});
