import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, type KeyObject, randomUUID, sign, verify } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCAL_DEV_NOTICE, type LocalDevAnchorProof, localDevStatement } from '@lecoffre/proof';
import type { Anchor, AnchorStatus, PreparedAnchor, SubmittedAnchor } from '../../ports/anchor.js';

export const LOCAL_DEV_NETWORK = 'local-dev';
export const LOCAL_ANCHOR_KEY_FILE = 'local-anchor-key.pem';

export interface LocalDevAnchorOptions {
  /** The Ed25519 private key that signs roots. */
  privateKey: KeyObject;
  now?: () => Date;
}

/**
 * The embedded default anchor: no network, no chain. prepare() signs "root + time" with a local Ed25519 key;
 * the operation is final at once. Every proof it yields carries LOCAL_DEV_NOTICE (French + English): it is
 * NOT anchored on a public chain, and since the public key travels with the proof it shows only that the
 * bundle is internally consistent and unchanged since this server signed it.
 */
export class LocalDevAnchor implements Anchor {
  readonly network = LOCAL_DEV_NETWORK;
  private readonly privateKey: KeyObject;
  private readonly publicKeyHex: string;
  private readonly now: () => Date;

  constructor(options: LocalDevAnchorOptions) {
    if (options.privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('The local-dev anchor key must be an Ed25519 private key.');
    this.privateKey = options.privateKey;
    this.publicKeyHex = rawPublicKey(createPublicKey(options.privateKey)).toString('hex');
    this.now = options.now ?? (() => new Date());
  }

  /** Uses `<dataDir>/local-anchor-key.pem`, creating it (mode 0600) the first time. */
  static async open(dataDir: string, options: Omit<LocalDevAnchorOptions, 'privateKey'> = {}): Promise<LocalDevAnchor> {
    return new LocalDevAnchor({ ...options, privateKey: await loadOrCreateKey(path.join(dataDir, LOCAL_ANCHOR_KEY_FILE)) });
  }

  get publicKey(): string {
    return this.publicKeyHex;
  }

  async prepare(root: Uint8Array): Promise<PreparedAnchor> {
    if (root.length !== 32) throw new TypeError(`A batch root is 32 bytes, got ${root.length}.`);
    const rootHex = Buffer.from(root).toString('hex');
    // Second precision, like a block timestamp: the statement must be rebuilt byte for byte by verifiers.
    const preparedAt = `${this.now().toISOString().slice(0, 19)}Z`;
    const signature = sign(null, Buffer.from(localDevStatement(rootHex, preparedAt), 'utf8'), this.privateKey);
    return {
      network: this.network,
      operationHash: localOperationId(signature),
      root: rootHex,
      signedBytes: signature.toString('hex'),
      preparedAt,
    };
  }

  async inject(prepared: PreparedAnchor): Promise<SubmittedAnchor> {
    return { network: this.network, operationHash: prepared.operationHash, submittedAt: prepared.preparedAt };
  }

  /** Final at once, if the record really is this key's signature of that root and time. */
  async confirm(prepared: PreparedAnchor): Promise<AnchorStatus> {
    const signature = Buffer.from(prepared.signedBytes, 'hex');
    const statement = Buffer.from(localDevStatement(prepared.root, prepared.preparedAt), 'utf8');
    const signedHere =
      prepared.network === this.network &&
      localOperationId(signature) === prepared.operationHash &&
      verify(null, statement, createPublicKey(this.privateKey), signature);
    if (!signedHere) return { state: 'not_found' };
    const anchor: LocalDevAnchorProof = {
      kind: 'local-dev',
      network: 'local-dev',
      operationHash: prepared.operationHash,
      timestamp: prepared.preparedAt,
      algorithm: 'Ed25519',
      publicKey: this.publicKeyHex,
      signature: prepared.signedBytes,
      notice: { ...LOCAL_DEV_NOTICE },
    };
    return { state: 'final', anchor };
  }

  explorerUrl(): null {
    return null;
  }
}

/** A stable id for a local signature, shaped so that nobody mistakes it for a Tezos operation hash. */
function localOperationId(signature: Uint8Array): string {
  return `local-dev-${hash('sha256', signature, 'hex').slice(0, 32)}`;
}

/** The 32 raw bytes of an Ed25519 public key (what WebCrypto imports as 'raw'). */
function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new TypeError('Not an Ed25519 public key.');
  return Buffer.from(jwk.x, 'base64url');
}

async function loadOrCreateKey(file: string): Promise<KeyObject> {
  try {
    return createPrivateKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Written aside then hard-linked into place: link() creates the name atomically or fails with EEXIST, so
  // two processes starting together never overwrite each other's key, and none reads a half-written file.
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return createPrivateKey(await readFile(file, 'utf8'));
  } finally {
    await unlink(temporary);
  }
}
