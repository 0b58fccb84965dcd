import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { invalidField } from './errors.js';

/** An IBAN in electronic format, its ISO 13616 checksum verified: a mistyped RIB is caught before a client pays into it. */
export function normalizeIban(input: string): string {
  const iban = electronicFormatIBAN(input) ?? '';
  if (!isValidIBAN(iban)) throw invalidField('iban', 'not a valid IBAN (check the digits: the checksum does not match)', 'invalid_iban');
  return iban;
}

export function normalizeBic(input: string): string {
  const bic = input.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic)) throw invalidField('bic', 'not a valid BIC (8 or 11 characters)', 'invalid_bic');
  return bic;
}
