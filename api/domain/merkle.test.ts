import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canonicalFileOrder,
  canonicalFolderOrder,
  leafHash,
  MerkleTree,
  nodeHash,
  type ProofStep,
  rootFromProof,
  verifyInclusion,
} from './merkle.js';

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

/** RFC 6962 section 2.1 MTH, written from the RFC's recursive definition, independent of the level-wise code. */
function rfc6962Root(data: Buffer[]): Buffer {
  if (data.length === 1) return sha256(Buffer.from([0]), data[0]);
  let k = 1;
  while (k * 2 < data.length) k *= 2;
  return sha256(Buffer.from([1]), rfc6962Root(data.slice(0, k)), rfc6962Root(data.slice(k)));
}

const datum = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));
const data = (maxLength = 70) => fc.array(datum, { minLength: 1, maxLength });

function flipBit(hex: string, bit: number): string {
  const bytes = Buffer.from(hex, 'hex');
  bytes[Math.floor(bit / 8) % bytes.length] ^= 1 << (bit % 8);
  return bytes.toString('hex');
}

describe('Merkle tree (RFC 6962 style)', () => {
  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', () => {
    const a = Buffer.alloc(32, 0xaa);
    const b = Buffer.alloc(32, 0xbb);
    assert.deepEqual(leafHash(a), sha256(Buffer.from([0]), a));
    assert.deepEqual(nodeHash(a, b), sha256(Buffer.from([1]), a, b));
  });

  it('a single leaf: the root is the leaf hash and the proof is empty', () => {
    const a = Buffer.alloc(32, 7);
    const tree = MerkleTree.build([a]);
    assert.deepEqual(tree.root, leafHash(a));
    assert.deepEqual(tree.proof(0), []);
    assert.equal(verifyInclusion(a, [], tree.root), true);
  });

  it('two leaves: root = node(leaf0, leaf1), each proof is the other leaf', () => {
    const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const tree = MerkleTree.build([a, b]);
    assert.deepEqual(tree.root, nodeHash(leafHash(a), leafHash(b)));
    assert.deepEqual(tree.proof(0), [{ side: 'right', hash: leafHash(b).toString('hex') }]);
    assert.deepEqual(tree.proof(1), [{ side: 'left', hash: leafHash(a).toString('hex') }]);
  });

  it('three leaves: the odd leaf is promoted, not paired with itself', () => {
    const [a, b, c] = [1, 2, 3].map((n) => Buffer.alloc(32, n));
    const tree = MerkleTree.build([a, b, c]);
    assert.deepEqual(tree.root, nodeHash(nodeHash(leafHash(a), leafHash(b)), leafHash(c)));
    assert.deepEqual(tree.proof(2), [{ side: 'left', hash: nodeHash(leafHash(a), leafHash(b)).toString('hex') }]);
    assert.notDeepEqual(MerkleTree.build([a, b, c, c]).root, tree.root);
  });

  it('accepts SHA-256 as hex and refuses anything that is not 32 bytes', () => {
    const hex = 'ab'.repeat(32);
    assert.deepEqual(MerkleTree.build([hex]).root, MerkleTree.build([Buffer.from(hex, 'hex')]).root);
    assert.throws(() => MerkleTree.build([]), RangeError);
    assert.throws(() => MerkleTree.build(['abc']), TypeError);
    assert.throws(() => MerkleTree.build([new Uint8Array(31)]), TypeError);
    assert.deepEqual(MerkleTree.build([hex.toUpperCase()]).root, MerkleTree.build([hex]).root);
    // 64 characters with one that is not hex, first, in the middle, last; one too many; a space.
    for (const bad of [`g${hex.slice(1)}`, `${hex.slice(0, 31)}z${hex.slice(32)}`, `${hex.slice(0, 63)}-`, `${hex}a`, ` ${hex.slice(1)}`]) {
      assert.throws(() => MerkleTree.build([hex, bad]), TypeError, bad);
    }
  });

  it('gives the same tree from hex as from bytes', () => {
    fc.assert(
      fc.property(data(), (items) => {
        assert.equal(MerkleTree.build(items.map((item) => item.toString('hex'))).rootHex, MerkleTree.build(items).rootHex);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the RFC 6962 recursive definition for every size', () => {
    fc.assert(
      fc.property(data(), (items) => assert.deepEqual(MerkleTree.build(items).root, rfc6962Root(items))),
      { numRuns: 150 },
    );
  });

  it("every leaf's proof verifies against the root", () => {
    fc.assert(
      fc.property(data(), (items) => {
        const tree = MerkleTree.build(items);
        items.forEach((item, index) => {
          assert.equal(verifyInclusion(item, tree.proof(index), tree.root), true, `leaf ${index} of ${items.length}`);
          assert.deepEqual(rootFromProof(item, tree.proof(index)), tree.root);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('flipping any bit of the leaf, of a proof step or of the root fails verification', () => {
    fc.assert(
      fc.property(
        data(40).chain((items) => fc.tuple(fc.constant(items), fc.nat(items.length - 1), fc.nat(255), fc.nat(1000))),
        ([items, index, bit, stepPick]) => {
          const tree = MerkleTree.build(items);
          const proof = tree.proof(index);
          const leaf = items[index].toString('hex');
          assert.equal(verifyInclusion(flipBit(leaf, bit), proof, tree.root), false, 'flipped leaf');
          assert.equal(verifyInclusion(leaf, proof, flipBit(tree.rootHex, bit)), false, 'flipped root');
          if (proof.length > 0) {
            const at = stepPick % proof.length;
            const tampered: ProofStep[] = proof.map((step, i) => (i === at ? { ...step, hash: flipBit(step.hash, bit) } : step));
            assert.equal(verifyInclusion(leaf, tampered, tree.root), false, 'flipped step hash');
            const swapped: ProofStep[] = proof.map((step, i) =>
              i === at ? { ...step, side: step.side === 'left' ? 'right' : 'left' } : step,
            );
            assert.equal(verifyInclusion(leaf, swapped, tree.root), false, 'swapped side');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a proof does not verify for another leaf of the same tree, nor with a step dropped', () => {
    const items = Array.from({ length: 9 }, (_, n) => Buffer.alloc(32, n + 1));
    const tree = MerkleTree.build(items);
    assert.equal(verifyInclusion(items[1], tree.proof(0), tree.root), false);
    assert.equal(verifyInclusion(items[0], tree.proof(0).slice(1), tree.root), false);
    // The inner node at level 1 must not pass for a leaf: that is what the 0x00/0x01 prefixes buy.
    const inner = nodeHash(leafHash(items[0]), leafHash(items[1]));
    assert.equal(verifyInclusion(inner, tree.proof(0).slice(1), tree.root), false);
  });

  it('rejects malformed proofs without throwing', () => {
    const tree = MerkleTree.build([Buffer.alloc(32, 1), Buffer.alloc(32, 2)]);
    const bad = [{ side: 'up', hash: 'zz' }] as unknown as ProofStep[];
    assert.equal(verifyInclusion(Buffer.alloc(32, 1), bad, tree.root), false);
    assert.throws(() => tree.proof(2), RangeError);
  });
});

describe('canonical orders', () => {
  it('sorts a folder by file hash then id, whatever the input order', () => {
    const files = [
      { id: 'fil_b', sha256: 'bb'.repeat(32) },
      { id: 'fil_z', sha256: 'AA'.repeat(32) },
      { id: 'fil_a', sha256: 'aa'.repeat(32) },
    ];
    const ids = (list: typeof files) => list.map((f) => f.id);
    assert.deepEqual(ids(canonicalFileOrder(files)), ['fil_a', 'fil_z', 'fil_b']);
    assert.deepEqual(ids(canonicalFileOrder([...files].reverse())), ['fil_a', 'fil_z', 'fil_b']);
    assert.deepEqual(ids(files), ['fil_b', 'fil_z', 'fil_a'], 'the input is not mutated');
  });

  it('sorts a batch by folder root then id', () => {
    const folders = [
      { id: 'fld_2', root: '02'.repeat(32) },
      { id: 'fld_1', root: '01'.repeat(32) },
    ];
    assert.deepEqual(
      canonicalFolderOrder(folders).map((f) => f.id),
      ['fld_1', 'fld_2'],
    );
  });
});
