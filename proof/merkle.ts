import { bytesToHex, concatBytes, hexToBytes, isHex, sha256 } from './bytes.js';
import type { MerklePathStep } from './certificate.js';

/**
 * The verifier's side of the Merkle rules (RFC 6962 style) that api/domain/merkle.ts builds with:
 * leaf = SHA-256(0x00 || datum), node = SHA-256(0x01 || left || right), odd last node promoted; a version-2
 * folder tree ends with the metadata leaf (metadata.ts). docs/proof-format.md states them for everyone.
 * Re-implemented here with WebCrypto because the SDK runs in browsers and never imports api/.
 */

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);

export async function merkleLeaf(datum: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(LEAF, datum));
}

export async function merkleNode(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(NODE, left, right));
}

/** The root reached from `datumHex` along `path` (hex), or null when the path is malformed. */
export async function rootFromPath(datumHex: string, path: readonly MerklePathStep[]): Promise<string | null> {
  if (!isHex(datumHex, 32)) return null;
  return rootFromLeafPath(await merkleLeaf(hexToBytes(datumHex)), path);
}

/** The root of the tree over `dataHex` in this order (level-wise pairing, odd node promoted). */
export async function rootOfData(dataHex: readonly string[]): Promise<string | null> {
  if (dataHex.length === 0 || !dataHex.every((hex) => isHex(hex, 32))) return null;
  return rootOfLeaves(await Promise.all(dataHex.map((hex) => merkleLeaf(hexToBytes(hex)))));
}

/** The root reached from a leaf hash (already prefixed and hashed) along `path`, or null when malformed. */
export async function rootFromLeafPath(leaf: Uint8Array, path: readonly MerklePathStep[]): Promise<string | null> {
  let current = leaf;
  for (const step of path) {
    if (!isHex(step.hash, 32) || (step.side !== 'left' && step.side !== 'right')) return null;
    const sibling = hexToBytes(step.hash);
    current = step.side === 'left' ? await merkleNode(sibling, current) : await merkleNode(current, sibling);
  }
  return bytesToHex(current);
}

/** The root of the tree over these leaf hashes (level-wise pairing, odd node promoted). */
export async function rootOfLeaves(leaves: readonly Uint8Array[]): Promise<string | null> {
  if (leaves.length === 0) return null;
  let level = [...leaves];
  while (level.length > 1) {
    const next: Promise<Uint8Array>[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(merkleNode(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(Promise.resolve(level[level.length - 1]));
    level = await Promise.all(next);
  }
  return bytesToHex(level[0]);
}
