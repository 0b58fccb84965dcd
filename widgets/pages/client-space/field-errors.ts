import type { ClientSpaceMessages } from './messages.js';

/**
 * The sign-in forms' own validation (they are `novalidate`): the browser's bubbles speak the browser's
 * language (English in an English browser) and vanish; ours are French first, stay beside the field, and
 * are read out through the field's description when it gets the focus. The rules stay the inputs' own
 * attributes (required, type, pattern, minlength): `validity` reads them, this words them.
 */
const MISSING: Record<string, 'missing_email' | 'missing_code' | 'missing_password' | 'missing_confirmation' | undefined> = {
  email: 'missing_email',
  code: 'missing_code',
  password: 'missing_password',
  confirmation: 'missing_confirmation',
};

export function fieldErrors(form: HTMLFormElement, t: ClientSpaceMessages): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) {
    const { validity, name } = input;
    if (validity.valid) continue;
    if (validity.valueMissing) errors[name] = MISSING[name] ? t[MISSING[name]] : t.missing_field;
    else if (validity.typeMismatch) errors[name] = t.invalidEmail;
    else if (validity.patternMismatch) errors[name] = t.invalidCode;
    else if (validity.tooShort) errors[name] = t.tooShort;
  }
  return errors;
}
