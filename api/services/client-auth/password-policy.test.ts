import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblems } from './password-policy.js';

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
