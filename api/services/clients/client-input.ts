import { normalizeEmail, normalizeMobile } from '../../domain/contact.js';
import { invalidField } from '../../domain/errors.js';
import { tidy } from '../../domain/text.js';

export interface ClientFields {
  /**
   * @minLength 1
   * @maxLength 100
   * @pattern ^[^\u0000-\u001f]*$
   */
  lastName: string;
  /**
   * @minLength 1
   * @maxLength 100
   * @pattern ^[^\u0000-\u001f]*$
   */
  firstName: string;
  /**
   * The address the client signs in with and receives notices at.
   * @maxLength 254
   */
  email: string;
  /**
   * A mobile number: French ("06 26 59 72 92") or international ("+32 470 12 34 56"). The client receives
   * an SMS code at each first sign-in: a wrong number locks them out.
   * @maxLength 32
   */
  mobile: string;
  language?: 'fr' | 'en';
}

export interface ClientFieldsPatch extends Partial<ClientFields> {}

export interface NormalizedClientFields {
  lastName?: string;
  firstName?: string;
  email?: string;
  emailNormalized?: string;
  mobile?: string;
  language?: 'fr' | 'en';
}

/** Tidies names, normalizes e-mail and mobile (E.164); every problem is reported against its field. */
export function normalizeClientFields(input: ClientFieldsPatch, prefix = ''): NormalizedClientFields {
  const out: NormalizedClientFields = {};
  if (input.lastName !== undefined) {
    out.lastName = tidy(input.lastName);
    if (!out.lastName) throw invalidField(`${prefix}lastName`, 'must not be blank');
  }
  if (input.firstName !== undefined) {
    out.firstName = tidy(input.firstName);
    if (!out.firstName) throw invalidField(`${prefix}firstName`, 'must not be blank');
  }
  if (input.email !== undefined) {
    const { email, normalized } = normalizeEmail(input.email, `${prefix}email`);
    out.email = email;
    out.emailNormalized = normalized;
  }
  if (input.mobile !== undefined) out.mobile = normalizeMobile(input.mobile, `${prefix}mobile`);
  if (input.language !== undefined) out.language = input.language;
  return out;
}
