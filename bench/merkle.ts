/**
 * `npx tsx bench/merkle.ts [leaves]`: time to build a Merkle tree over 100 000 file hashes, given as the
 * product gives them (SHA-256 as 64 hex characters, as the database stores them), as a ratio of bare hashing
 * measured here, interleaved three times, medians (goal: <= 1.3). Prints one JSON line last, for scripts.
 *
 * Two baselines, both n SHA-256 of 33 bytes (leaves) and n - 1 of 65 bytes (nodes), the hashing a tree of n
 * leaves cannot avoid, done bare over one constant input:
 * - the goal's: one-shot `hash()` with each digest as a Buffer. This is the bare hashing the goal was set
 *   against (this benchmark's baseline when the goal's figures were taken, then over 2n inputs of 32 bytes);
 * - the floor: the same with each digest as a one-byte-per-character string, the cheapest form Node hands
 *   out. The tree asks for that form too, but must still move 32 or 64 bytes into each hash input and 32 out
 *   of it, and read the hex of its leaves: the ratio to the floor is the cost of that, printed for reference.
 */
import { createHash, hash, randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MerkleTree } from '../api/domain/merkle.js';
import { type BenchRow, loadavg, median } from './support/rows.js';

const LEAVES = Number(process.argv[2] ?? 100_000);
const ROUNDS = 3;
const RATIO_GOAL = 1.3;

// A collection between passes: the Buffer digests of one pass are garbage the next pass would otherwise pay
// to collect, whichever it is.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function millis(run: () => void): number {
  collectGarbage();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const fileHashes = Array.from({ length: LEAVES }, () => createHash('sha256').update(randomBytes(64)).digest('hex'));
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65);
const bufferHashing = () => {
  for (let i = 0; i < LEAVES; i++) hash('sha256', leafInput, 'buffer');
  for (let i = 0; i < LEAVES - 1; i++) hash('sha256', nodeInput, 'buffer');
};
const floorHashing = () => {
  for (let i = 0; i < LEAVES; i++) hash('sha256', leafInput, 'binary');
  for (let i = 0; i < LEAVES - 1; i++) hash('sha256', nodeInput, 'binary');
};
let root = '';
const build = () => {
  root = MerkleTree.build(fileHashes).rootHex;
};

// Warm-up (JIT, allocator), then the three interleaved: a busy moment of the shared machine hits them all.
bufferHashing();
floorHashing();
build();
const baselines: number[] = [];
const floors: number[] = [];
const builds: number[] = [];
const loads: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  baselines.push(millis(bufferHashing));
  floors.push(millis(floorHashing));
  builds.push(millis(build));
  loads.push(await loadavg());
}
const baselineMs = median(baselines);
const floorMs = median(floors);
const buildMs = median(builds);
const tree = MerkleTree.build(fileHashes);
const proofMs = millis(() => {
  for (let i = 0; i < LEAVES; i += 1000) tree.proof(i);
});

const ratio = buildMs / baselineMs;
const inputs = `${LEAVES.toLocaleString('en')} x 33 B + ${(LEAVES - 1).toLocaleString('en')} x 65 B`;
console.log(`Merkle tree over ${LEAVES.toLocaleString('en')} leaves given as hex: ${buildMs.toFixed(1)} ms (median of ${ROUNDS})`);
console.log(`Baseline, bare SHA-256 of ${inputs}, Buffer digests: ${baselineMs.toFixed(1)} ms`);
console.log(`Ratio tree / baseline: ${ratio.toFixed(2)} (goal <= ${RATIO_GOAL}), load ${loads.join('/')}`);
console.log(`Floor, the same with string digests: ${floorMs.toFixed(1)} ms (tree / floor: ${(buildMs / floorMs).toFixed(2)})`);
console.log(`${Math.ceil(LEAVES / 1000)} inclusion proofs: ${proofMs.toFixed(2)} ms; root ${root.slice(0, 16)}…`);
const row: BenchRow = {
  figure: `Merkle tree, ${LEAVES.toLocaleString('en')} leaves`,
  product: `${buildMs.toFixed(0)} ms`,
  baseline: `${baselineMs.toFixed(0)} ms bare SHA-256 (floor ${floorMs.toFixed(0)} ms: ${(buildMs / floorMs).toFixed(2)})`,
  ratio,
  goal: `<= ${RATIO_GOAL}`,
  met: ratio <= RATIO_GOAL,
  load: loads.join('/'),
};
console.log(JSON.stringify({ bench: 'merkle', leaves: LEAVES, buildMs, baselineMs, floorMs, ratio, rows: [row], ok: row.met }));
process.exitCode = row.met ? 0 : 1;
