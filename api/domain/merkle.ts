import { hash } from 'node:crypto';

/**
 * Merkle trees as in RFC 6962 (Certificate Transparency), used twice: a folder's tree over the SHA-256 of its
 * validated files, and a batch tree over many folder roots (whose root goes on chain in one operation).
 *
 *   leaf  = SHA-256(0x00 || datum)          datum = a 32-byte SHA-256 (a file's, or a folder root)
 *   node  = SHA-256(0x01 || left || right)
 *
 * The 0x00 / 0x01 prefixes keep a leaf from ever being passed off as an inner node (second-preimage attack).
 * Levels are paired left to right; an odd last node is promoted to the next level unchanged, never paired
 * with itself (duplication would let [a, b, c] and [a, b, c, c] share a root). This gives exactly RFC 6962's
 * MTH, which splits at the largest power of two below n; merkle.test.ts checks the two agree.
 *
 * A folder tree of format version 2 ends with one more leaf, SHA-256(0x02 || metadata hash), committing
 * the certificate's displayed fields (metadataLeafHash).
 *
 * The verifier in proof/merkle.ts re-implements these rules with WebCrypto (it runs in browsers and may
 * not import api/), and docs/proof-format.md states them for anyone: change all three or none.
 */

export const DATUM_BYTES = 32;

/** One step of an inclusion proof: the sibling's hash and the side it sits on. */
export interface ProofStep {
  /** 'left': parent = node(sibling, current). 'right': parent = node(current, sibling). */
  side: 'left' | 'right';
  /** Lower-case hex, 64 characters. */
  hash: string;
}

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
/** A folder's metadata leaf: never mistaken for a file leaf (0x00) or an inner node (0x01). */
const METADATA_LEAF_PREFIX = 0x02;

/** SHA-256(0x00 || datum). */
export function leafHash(datum: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + datum.length);
  input[0] = LEAF_PREFIX;
  input.set(datum, 1);
  return hash('sha256', input, 'buffer');
}

/** SHA-256(0x02 || metadata hash): the last leaf of a version-2 folder tree, over its metadata record's SHA-256. */
export function metadataLeafHash(metadataSha256: Uint8Array | string): Buffer {
  const input = Buffer.allocUnsafe(1 + DATUM_BYTES);
  input[0] = METADATA_LEAF_PREFIX;
  input.set(toDatum(metadataSha256), 1);
  return hash('sha256', input, 'buffer');
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

/** A 32-byte datum from raw bytes or 64 hex characters (how the database stores SHA-256). */
export function toDatum(value: Uint8Array | string): Buffer {
  if (typeof value === 'string') {
    const datum = Buffer.allocUnsafe(DATUM_BYTES);
    writeHexDatum(value, datum, 0);
    return datum;
  }
  return Buffer.from(checkedDatum(value));
}

/** Decodes 64 hex characters into `target` at `offset`; anything else is a TypeError. */
function writeHexDatum(value: string, target: Buffer, offset: number): void {
  // Buffer's hex decoding stops at the first character that is not hex: fewer bytes written means bad input.
  if (value.length !== 2 * DATUM_BYTES || target.write(value, offset, DATUM_BYTES, 'hex') !== DATUM_BYTES) throw notHexDatum(value);
}

function notHexDatum(value: string): TypeError {
  return new TypeError(`Expected a SHA-256 as 64 hex characters, got "${value.slice(0, 80)}".`);
}

function copyBytes(source: Uint8Array, from: number, target: Uint8Array, to: number, length: number): void {
  for (let i = 0; i < length; i++) target[to + i] = source[from + i] as number;
}

/** A digest asked for as a 'binary' string, one character per byte, written as bytes. */
function writeDigest(digest: string, target: Buffer, offset: number): void {
  for (let i = 0; i < DATUM_BYTES; i++) target[offset + i] = digest.charCodeAt(i);
}

/** A 32-byte datum as it is, once its length is checked (toDatum copies it). */
function checkedDatum(value: Uint8Array): Uint8Array {
  if (value.length !== DATUM_BYTES) throw new TypeError(`Expected a 32-byte SHA-256, got ${value.length} bytes.`);
  return value;
}

/**
 * A built tree. Each level is one flat buffer of 32-byte hashes (level 0 = leaf hashes, last = [root]):
 * 100 000 leaves are ~200 000 hashes in ~6 MB, and a proof is read straight out of the levels.
 */
export class MerkleTree {
  private constructor(private readonly levels: Buffer[]) {}

  /** Builds the tree over data in the given order (see canonicalFileOrder for a folder's order). */
  static build(data: ReadonlyArray<Uint8Array | string>): MerkleTree {
    return MerkleTree.withLeaves(data, []);
  }

  /**
   * The tree over `data`'s leaves followed by `extraLeaves`, already-hashed leaves of another kind (a folder's
   * metadata leaf, metadataLeafHash): they enter the tree as they are.
   */
  static withLeaves(data: ReadonlyArray<Uint8Array | string>, extraLeaves: readonly Uint8Array[]): MerkleTree {
    const count = data.length + extraLeaves.length;
    if (count === 0) throw new RangeError('A Merkle tree needs at least one leaf.');
    const leaves = Buffer.allocUnsafe(count * DATUM_BYTES);
    // One scratch buffer holds every hash input, and each digest is asked for as a one-byte-per-character
    // ('binary') string: a digest returned as a Buffer costs an allocation that takes longer than the hash.
    // Bytes move in and out by plain loops, which the JIT compiles to less than a native copy call costs
    // at 32 or 64 bytes.
    const scratch = Buffer.allocUnsafe(1 + 2 * DATUM_BYTES);
    scratch[0] = LEAF_PREFIX;
    const leafInput = scratch.subarray(0, 1 + DATUM_BYTES);
    for (let index = 0; index < data.length; index++) {
      const value = data[index] as Uint8Array | string;
      if (typeof value === 'string') writeHexDatum(value, scratch, 1);
      else copyBytes(checkedDatum(value), 0, scratch, 1, DATUM_BYTES);
      writeDigest(hash('sha256', leafInput, 'binary'), leaves, index * DATUM_BYTES);
    }
    extraLeaves.forEach((leaf, index) => {
      leaves.set(checkedDatum(leaf), (data.length + index) * DATUM_BYTES);
    });
    const levels = [leaves];
    scratch[0] = NODE_PREFIX;
    let current = leaves;
    while (current.length > DATUM_BYTES) {
      const count = current.length / DATUM_BYTES;
      const next = Buffer.allocUnsafe(Math.ceil(count / 2) * DATUM_BYTES);
      for (let i = 0; i + 1 < count; i += 2) {
        copyBytes(current, i * DATUM_BYTES, scratch, 1, 2 * DATUM_BYTES);
        writeDigest(hash('sha256', scratch, 'binary'), next, (i / 2) * DATUM_BYTES);
      }
      if (count % 2 === 1) current.copy(next, next.length - DATUM_BYTES, current.length - DATUM_BYTES);
      levels.push(next);
      current = next;
    }
    return new MerkleTree(levels);
  }

  get size(): number {
    return this.levels[0].length / DATUM_BYTES;
  }

  get root(): Buffer {
    return Buffer.from(this.levels[this.levels.length - 1]);
  }

  get rootHex(): string {
    return this.levels[this.levels.length - 1].toString('hex');
  }

  /** The path from leaf `index` up to the root, bottom first. A promoted node contributes no step. */
  proof(index: number): ProofStep[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`No leaf ${index} in a tree of ${this.size}.`);
    const steps: ProofStep[] = [];
    let position = index;
    for (const level of this.levels.slice(0, -1)) {
      const count = level.length / DATUM_BYTES;
      const sibling = position % 2 === 0 ? position + 1 : position - 1;
      if (sibling < count) {
        steps.push({
          side: sibling < position ? 'left' : 'right',
          hash: level.toString('hex', sibling * DATUM_BYTES, (sibling + 1) * DATUM_BYTES),
        });
      }
      position = Math.floor(position / 2);
    }
    return steps;
  }
}

/** The root that `datum` reaches by following `proof`: equal to the tree's root iff the proof holds. */
export function rootFromProof(datum: Uint8Array | string, proof: readonly ProofStep[]): Buffer {
  let current = leafHash(toDatum(datum));
  for (const step of proof) {
    const sibling = toDatum(step.hash);
    current = step.side === 'left' ? nodeHash(sibling, current) : nodeHash(current, sibling);
  }
  return current;
}

/** True iff `datum` is a leaf of the tree whose root is `root`, by way of `proof`. Never throws on bad input. */
export function verifyInclusion(datum: Uint8Array | string, proof: readonly ProofStep[], root: Uint8Array | string): boolean {
  try {
    if (!proof.every((step) => step.side === 'left' || step.side === 'right')) return false;
    return rootFromProof(datum, proof).equals(toDatum(root));
  } catch {
    return false;
  }
}

/**
 * The canonical leaf order of a folder: by file SHA-256 (hex, ascending), then by file id for two files with
 * the same content. Sorting on content first means the root does not depend on upload order, review order or
 * database row order; the id tiebreak keeps duplicates stable. Use it for both the folder tree and the
 * certificate's file list, so that a file's index in certificate.json is its leaf index.
 */
export function canonicalFileOrder<T extends { id: string; sha256: string }>(files: readonly T[]): T[] {
  const key = (file: T) => file.sha256.toLowerCase();
  return [...files].sort((a, b) => compare(key(a), key(b)) || compare(a.id, b.id));
}

/**
 * The canonical leaf order of a batch: by folder root (hex), then by folder id. Any fixed order would do
 * (each folder keeps its own path); a content order makes a rebuilt batch reproduce the stored root.
 */
export function canonicalFolderOrder<T extends { id: string; root: string }>(folders: readonly T[]): T[] {
  return [...folders].sort((a, b) => compare(a.root.toLowerCase(), b.root.toLowerCase()) || compare(a.id, b.id));
}

// Code-unit order, not localeCompare: the order must be the same on every machine and in every locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
