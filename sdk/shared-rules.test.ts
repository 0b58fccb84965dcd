import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { ACCEPTED_FILE_EXTENSIONS, ACCEPTED_FILE_TYPES, foldForSearch } from '@lecoffre/sdk';
import * as apiFileTypes from '../api/domain/file-types.js';
import { foldForSearch as apiFoldForSearch } from '../api/domain/text.js';
import { renderSharedRule, SHARED_RULES } from '../scripts/sdk-rules.js';

// Names and labels a notary's office types: accents, ligatures, compatibility characters, odd spaces.
const SAMPLES = [
  'Hélène MICHOU',
  'Carte Nationale d’Identité',
  'ŒUVRE cœur Lætitia',
  'Ĳsselmeer ﬁnance', // compatibility ligatures (NFKD splits them)
  '  Relevé\u00a0d’identité\tbancaire  ',
  'Ångström ÇA Ñandú',
  'Straße',
  '',
];

describe('rules the SDK shares with the API', () => {
  it('ships a current copy of each domain module (run `npm run generate` after editing one)', async () => {
    for (const [source, copy] of SHARED_RULES) {
      assert.equal(await readFile(new URL(`../${copy}`, import.meta.url), 'utf8'), await renderSharedRule(source), copy);
    }
  });

  it('folds text exactly as the API searches', () => {
    for (const sample of SAMPLES) assert.equal(foldForSearch(sample), apiFoldForSearch(sample), sample);
    assert.equal(foldForSearch('  Relevé\u00a0d’identité\tbancaire  '), 'releve d’identite bancaire');
    assert.equal(foldForSearch('ŒUVRE cœur Lætitia'), 'oeuvre coeur laetitia');
    assert.ok(foldForSearch('Carte Nationale d’Identité').includes(foldForSearch('identite')));
  });

  it('accepts the file types the API accepts', () => {
    assert.deepEqual(ACCEPTED_FILE_TYPES, apiFileTypes.ACCEPTED_FILE_TYPES);
    assert.deepEqual(ACCEPTED_FILE_EXTENSIONS, apiFileTypes.ACCEPTED_FILE_EXTENSIONS);
    assert.deepEqual([...ACCEPTED_FILE_TYPES].sort(), ['application/pdf', 'image/jpeg', 'image/png']);
  });
});
