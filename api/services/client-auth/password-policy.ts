import { COMMON_PASSWORD_WORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter names and e-mail parts are left out: "Li" or "jo" would refuse half of all passwords. */
export const PERSONAL_PART_MIN_LENGTH = 4;

/**
 * The whole rule, as the API reference (the `clientAuth.setPassword` operation, added by `npm run
 * generate`) and the README state it; password-policy.test.ts holds both to this text and the code below.
 */
export const PASSWORD_RULE = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters with at least one lower-case letter, one upper-case letter and one digit; not a common password, even dressed up (digits, symbols and look-alike characters around a common word are seen through: \`Azerty123!\`, \`P@ssw0rd1\`); and not containing, in any case, the client's first name, last name, or the part of their e-mail address before the @, each when at least ${PERSONAL_PART_MIN_LENGTH} characters long: for Jeanne Michou, \`Jeanne-Michou-2026\` is refused although it meets the length and character rule. A refusal is a 422 \`weak_password\` naming every reason in \`errors\`, French first.`;

export interface PasswordContext {
  email?: string;
  firstName?: string;
  lastName?: string;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** "Azerty123!" -> "azerty", "P@ssw0rd1" -> "password": the word under the decoration. */
function coreWord(password: string): string {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const unleeted = stripped.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
  return unleeted.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The guide's rule ("Au moins 8 caractères dont 1 majuscule, 1 minuscule et 1 chiffre") plus a blocklist
 * of common passwords and the person's own name or e-mail. Returns every reason it fails, French first
 * then English; an empty list means the password is accepted.
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(`Au moins ${PASSWORD_MIN_LENGTH} caractères / At least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`Au plus ${PASSWORD_MAX_LENGTH} caractères / At most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{Ll}/u.test(password)) problems.push('Au moins une minuscule / At least one lower-case letter');
  if (!/\p{Lu}/u.test(password)) problems.push('Au moins une majuscule / At least one upper-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('Au moins un chiffre / At least one digit');
  if (problems.length > 0) return problems;

  const core = coreWord(password);
  if (COMMON_PASSWORD_WORDS.has(core) || COMMON_PASSWORD_WORDS.has(password.toLowerCase())) {
    problems.push('Trop courant, facile à deviner / Too common, easy to guess');
  }
  const lower = password.toLowerCase();
  const personal = [context.email?.split('@')[0], context.firstName, context.lastName]
    .map((part) => part?.toLowerCase().trim())
    .filter((part): part is string => part !== undefined && part.length >= PERSONAL_PART_MIN_LENGTH);
  if (personal.some((part) => lower.includes(part))) {
    problems.push('Ne doit pas contenir votre nom ni votre adresse e-mail / Must not contain your name or e-mail address');
  }
  return problems;
}
