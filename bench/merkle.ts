/**
 * `npx tsx bench/merkle.ts [leaves]`: time to build a Merkle tree over 100 000 file hashes as a ratio
 * of a baseline measured here, interleaved three times, medians (goal: <= 1.3). The baseline is the
 * hashing a tree of n leaves cannot avoid, done bare and the cheapest way Node offers (one-shot `hash()`,
 * digests as strings): n SHA-256 of 33 bytes (leaves) and n - 1 of 65 bytes (nodes). A ratio near 1 means the
 * tree costs little beyond its hashing; the ratio, unlike the seconds, carries over between machines.
 * Prints one JSON line last, for scripts.
 */
import { createHash, hash, randomBytes } from 'node:crypto';
import { MerkleTree } from '../api/domain/merkle.js';
import { type BenchRow, loadavg, median } from './support/rows.js';

const LEAVES = Number(process.argv[2] ?? 100_000);
const ROUNDS = 3;
const RATIO_GOAL = 1.3;

function millis(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const fileHashes = Array.from({ length: LEAVES }, () => createHash('sha256').update(randomBytes(64)).digest());
// The hashing a tree of n leaves cannot avoid, on inputs of the sizes it hashes: n leaves of 1 + 32 bytes
// and n - 1 nodes of 1 + 64 bytes (a 65-byte input takes two SHA-256 blocks, a 33-byte one one block).
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65);
// Each digest in the cheapest form Node hands it out: a one-byte-per-character string (a Buffer costs an
// allocation that takes longer than the hash itself). The tree asks for the same form.
const bareHashing = () => {
  for (let i = 0; i < LEAVES; i++) hash('sha256', leafInput, 'binary');
  for (let i = 0; i < LEAVES - 1; i++) hash('sha256', nodeInput, 'binary');
};
// The same hashing with each digest as a Buffer, as the tree asked for it before: for comparison only.
const bufferHashing = () => {
  for (let i = 0; i < LEAVES; i++) hash('sha256', leafInput, 'buffer');
  for (let i = 0; i < LEAVES - 1; i++) hash('sha256', nodeInput, 'buffer');
};
let root = '';
const build = () => {
  root = MerkleTree.build(fileHashes).rootHex;
};

// Warm-up (JIT, allocator), then the pair interleaved: a busy moment of the shared machine hits both.
bareHashing();
build();
const baselines: number[] = [];
const builds: number[] = [];
const bufferBaselines: number[] = [];
const loads: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  baselines.push(millis(bareHashing));
  bufferBaselines.push(millis(bufferHashing));
  builds.push(millis(build));
  loads.push(await loadavg());
}
const baselineMs = median(baselines);
const buildMs = median(builds);
const tree = MerkleTree.build(fileHashes);
const proofMs = millis(() => {
  for (let i = 0; i < LEAVES; i += 1000) tree.proof(i);
});

const ratio = buildMs / baselineMs;
console.log(`Merkle tree over ${LEAVES.toLocaleString('en')} leaves: ${buildMs.toFixed(1)} ms (median of ${ROUNDS})`);
console.log(
  `Baseline, bare SHA-256 of ${LEAVES.toLocaleString('en')} x 33 B + ${(LEAVES - 1).toLocaleString('en')} x 65 B: ${baselineMs.toFixed(1)} ms`,
);
console.log(`Ratio tree / baseline: ${ratio.toFixed(2)} (goal <= ${RATIO_GOAL}), load ${loads.join('/')}`);
console.log(
  `The same hashing with Buffer digests: ${median(bufferBaselines).toFixed(1)} ms (tree / that: ${(buildMs / median(bufferBaselines)).toFixed(2)})`,
);
console.log(`${Math.ceil(LEAVES / 1000)} inclusion proofs: ${proofMs.toFixed(2)} ms; root ${root.slice(0, 16)}…`);
const row: BenchRow = {
  figure: `Merkle tree, ${LEAVES.toLocaleString('en')} leaves`,
  product: `${buildMs.toFixed(0)} ms`,
  baseline: `${baselineMs.toFixed(0)} ms bare SHA-256`,
  ratio,
  goal: `<= ${RATIO_GOAL}`,
  met: ratio <= RATIO_GOAL,
  load: loads.join('/'),
};
console.log(JSON.stringify({ bench: 'merkle', leaves: LEAVES, buildMs, baselineMs, ratio, rows: [row], ok: row.met }));
process.exitCode = row.met ? 0 : 1;
