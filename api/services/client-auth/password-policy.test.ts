import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PASSWORD_RULE, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts what the guide asks for', () => {
    for (const password of ['Rennes-Parlement-35', 'Tgv8Paris', 'Éléphant7rose', 'x9Kq2mPz'])
      assert.deepEqual(passwordProblems(password), [], password);
  });

  it('names every missing rule, French first', () => {
    assert.deepEqual(passwordProblems('abc'), [
      'Au moins 8 caractères / At least 8 characters',
      'Au moins une majuscule / At least one upper-case letter',
      'Au moins un chiffre / At least one digit',
    ]);
    assert.deepEqual(passwordProblems('ABCDEFGH1'), ['Au moins une minuscule / At least one lower-case letter']);
  });

  it('refuses common passwords dressed up to pass the rule', () => {
    for (const password of [
      'Password1',
      'Azerty123',
      'AZERTYuiop1',
      'Motdepasse1!',
      'P@ssw0rd1',
      'Soleil2024',
      '1Bonjour!',
      'Marseille13',
      'Abcdefgh1',
    ]) {
      assert.deepEqual(passwordProblems(password), ['Trop courant, facile à deviner / Too common, easy to guess'], password);
    }
  });

  it('refuses the person’s own name or e-mail', () => {
    const context = { email: 'estelle.graglia@example.fr', firstName: 'Estelle', lastName: 'Graglia' };
    assert.equal(passwordProblems('Graglia1985', context).length, 1);
    assert.equal(passwordProblems('MonEstelle7', context).length, 1);
    assert.deepEqual(passwordProblems('Rennes-Parlement-35', context), []);
  });
});

describe('the password rule as documented', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { description?: string }>>;
  };

  it('is stated whole, from the code, in the README and the reference of the password operation', () => {
    assert.equal(/<!-- password-rule -->(.*?)<!-- \/password-rule -->/s.exec(readme)?.[1], PASSWORD_RULE);
    assert.ok(spec.paths['/v1/client-auth/password'].post.description?.includes(PASSWORD_RULE));
  });

  it('refuses the name and e-mail example it gives, which passes the length and character rule', () => {
    const jeanne = { firstName: 'Jeanne', lastName: 'Michou', email: 'jeanne.michou@example.fr' };
    assert.deepEqual(passwordProblems('Jeanne-Michou-2026'), []);
    assert.deepEqual(passwordProblems('Jeanne-Michou-2026', jeanne), [
      'Ne doit pas contenir votre nom ni votre adresse e-mail / Must not contain your name or e-mail address',
    ]);
    assert.equal(passwordProblems('Rennes-Bzh35!', { ...jeanne, email: 'bzh35@example.fr' }).length, 1, 'the e-mail before the @');
    assert.deepEqual(passwordProblems('Rennes-Lio-2026', { firstName: 'Lio', lastName: 'Wu' }), [], 'names under 4 characters');
  });
});
