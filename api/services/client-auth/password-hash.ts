import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's first recommended setting: 19 MiB, 2 passes,
// 1 lane (~25 ms here). The parameters travel inside the PHC string, so raising them later keeps old
// hashes verifiable.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// Verified against when the e-mail is unknown or has no password yet, so that such a login costs the same
// time as a wrong password.
let decoy: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, burns the same time and answers false. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hash('decoy password for unknown accounts', OPTIONS);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
