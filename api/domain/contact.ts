import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { DomainError, invalidField } from './errors.js';

/**
 * A client's mobile in E.164. Numbers written the French way ("06 26 59 72 92") are read as French;
 * others need their country code ("+32 470 12 34 56"). Only mobile numbers are accepted where the type
 * is known: the SMS login depends on it (the guide warns about exactly this).
 */
export function normalizeMobile(input: string, path = 'mobile'): string {
  const raw = input.trim();
  if (!raw) throw invalidField(path, 'a mobile number is required', 'invalid_phone');
  try {
    if (!isValidPhoneNumber(raw, 'FR')) throw new Error('invalid');
    const phone = parsePhoneNumberWithError(raw, 'FR');
    const type = phone.getType();
    if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
      throw invalidField(path, 'must be a mobile number (the client receives an SMS code to sign in)', 'invalid_phone');
    }
    return phone.number;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalidField(path, 'not a valid phone number; use 06 12 34 56 78 or +<country code> …', 'invalid_phone');
  }
}

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by the login code.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(input: string, path = 'email'): { email: string; normalized: string } {
  const email = input.trim();
  if (email.length > 254 || !EMAIL.test(email)) throw invalidField(path, 'not a valid e-mail address', 'invalid_email');
  return { email, normalized: email.toLowerCase() };
}
