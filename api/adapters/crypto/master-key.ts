import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createKeyRing, type KeyRing, type MasterKey, masterKeyFrom } from './key-wrap.js';

/** 32 bytes in standard base64 are 43 characters and one `=`: what `openssl rand -base64 32` prints. */
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
export const MASTER_KEY_FILE = 'master-key';

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** `source` names where the text came from, for an error message an operator can act on. */
export function parseMasterKey(base64: string, source: string): MasterKey {
  const text = base64.trim();
  if (!BASE64_32_BYTES.test(text)) {
    throw new MasterKeyError(`${source} must be 32 bytes in base64 (44 characters, e.g. from \`openssl rand -base64 32\`).`);
  }
  return masterKeyFrom(Buffer.from(text, 'base64'));
}

export interface LoadKeyRingOptions {
  /** `LECOFFRE_MASTER_KEY`: base64 of 32 bytes. Wins over the key file. */
  masterKey?: string;
  /** Keys retired by a rotation, still needed until every record is re-wrapped (comma-separated base64). */
  previousMasterKeys?: string;
  /** Where `master-key` lives in embedded mode. */
  dataDir: string;
  /** Embedded mode only: create `<dataDir>/master-key` (mode 0600) on first start. Production: false. */
  generateIfMissing: boolean;
}

/**
 * The master key ring of this process. Without `LECOFFRE_MASTER_KEY`, the key is read from (or, in
 * embedded mode, generated once into) `<dataDir>/master-key`; losing that file loses every stored
 * document, so it is kept beside the data it protects and must be backed up with it.
 */
export async function loadKeyRing(options: LoadKeyRingOptions): Promise<KeyRing> {
  const previous = (options.previousMasterKeys ?? '')
    .split(',')
    .filter((k) => k.trim() !== '')
    .map((k, i) => parseMasterKey(k, `LECOFFRE_PREVIOUS_MASTER_KEYS (key ${i + 1})`));
  if (options.masterKey) return createKeyRing(parseMasterKey(options.masterKey, 'LECOFFRE_MASTER_KEY'), previous);
  const current = await readOrCreateKeyFile(options.dataDir, options.generateIfMissing);
  return createKeyRing(current, previous);
}

async function readOrCreateKeyFile(dataDir: string, generateIfMissing: boolean): Promise<MasterKey> {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  if (!generateIfMissing) throw new MasterKeyError(`LECOFFRE_MASTER_KEY is not set and ${file} does not exist.`);

  // Default mode: embedded PostgreSQL, running as another user, lives under the same data dir.
  await mkdir(dataDir, { recursive: true });
  const temp = path.join(dataDir, `.${MASTER_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(32).toString('base64')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // link() refuses to replace: when several processes start at once, exactly one key wins.
    await link(temp, file);
    const dir = await open(dataDir, 'r');
    await dir.sync().finally(() => dir.close());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return (await readKeyFile(file)) as MasterKey;
}

async function readKeyFile(file: string): Promise<MasterKey | undefined> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    throw new MasterKeyError(`${file} is readable by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 on it.`);
  }
  return parseMasterKey(await readFile(file, 'utf8'), file);
}
