/**
 * Whether this browser has seen this client sign in with a password, so the next visit offers the
 * password first instead of spending an SMS. Only a hash of the e-mail is kept (shared computers).
 */
const KEY = 'lecoffre.client-space.passwords';

async function fingerprint(email: string): Promise<string> {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function read(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export async function hasRememberedPassword(email: string): Promise<boolean> {
  if (!globalThis.crypto?.subtle) return false;
  return read().includes(await fingerprint(email));
}

export async function rememberPassword(email: string): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const known = new Set(read());
  known.add(await fingerprint(email));
  try {
    localStorage.setItem(KEY, JSON.stringify([...known].slice(-20)));
  } catch {
    // Private browsing or a full storage: the next visit starts with an SMS code, which also works.
  }
}
