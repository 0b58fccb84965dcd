import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids.js';

describe('ids', () => {
  it('have a prefix, 26 base32 characters, and no look-alike letters', () => {
    const id = newId('fld');
    assert.match(id, /^fld_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('sort in creation order, even when made within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newId('req', 1_800_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    const later = newId('req', 1_800_000_000_001);
    assert.ok(later > ids[ids.length - 1]);
  });
});
