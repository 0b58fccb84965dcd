/**
 * `npx tsx bench/anchor-batch.ts [--folders N]` (default 1 000): N real folders made through the HTTP API
 * (client, request, upload of a distinct PDF, validation, "Valider et ancrer"), anchored in ONE Tezos
 * operation (against the Tezos RPC double: the node is the one part we cannot reach offline), each with a
 * token from the local development TSA; then every bundle downloaded and verified against the node.
 * Reports the time of each phase. Also: verifying one 100-document bundle in Node (budget: under 1 s),
 * median of 5. JSON summary last.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyProofBundle } from '@lecoffre/proof';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { LocalDevAnchor } from '../api/adapters/anchor/local-dev-anchor.js';
import { TezosAnchor } from '../api/adapters/anchor/tezos-anchor.js';
import { startDevTsa } from '../api/adapters/timestamp/dev-tsa.js';
import { Rfc3161Client } from '../api/adapters/timestamp/rfc3161-client.js';
import { runAnchorCycle } from '../api/services/anchoring/anchor-cycle.js';
import { buildProofBundle } from '../api/services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, type FixtureFile, fixtureBatch } from '../api/services/anchoring/proof-bundle.fixture.js';
import { startTezosRpcDouble } from '../test/doubles/tezos-rpc-double.js';
import { realFoldersWaitingForAnchor, verifyEveryBundle } from '../test/support/anchoring-scale.js';
import { createTestApp } from '../test/support/test-app.js';

const { values } = parseArgs({ options: { folders: { type: 'string', default: '1000' } } });
const FOLDERS = Number(values.folders);
const VERIFY_BUDGET_MS = 1000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-bench-anchor-'));
const t = await createTestApp();
const double = await startTezosRpcDouble();
const tsa = await startDevTsa({ dataDir });
try {
  const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(21), PrefixV2.Ed25519Seed));
  double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
  const contract = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
  double.deployBytesContract(contract);
  const anchor = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract, signer, sleep: async () => {} });
  const timestamps = new Rfc3161Client({ url: tsa.url });

  let started = performance.now();
  const folderIds = await realFoldersWaitingForAnchor(t, FOLDERS, 'BENCH');
  const makeMs = performance.now() - started;
  console.log(`${FOLDERS} real folders through the API: ${seconds(makeMs)}`);

  started = performance.now();
  const pending = await runAnchorCycle({ db: t.db, anchor, timestamps, maxBatch: FOLDERS, wait: { timeoutMs: 0, pollMs: 0 } });
  double.bake(3);
  const final = await runAnchorCycle({ db: t.db, anchor, timestamps, maxBatch: FOLDERS, wait: { pollMs: 0 } });
  const anchorMs = performance.now() - started;
  if (pending.outcome !== 'pending' || final.outcome !== 'anchored' || final.folders !== FOLDERS || double.injections.length !== 1) {
    throw new Error(
      `expected one operation for ${FOLDERS} folders: ${JSON.stringify({ pending, final, injections: double.injections.length })}`,
    );
  }
  console.log(`batch of ${FOLDERS} anchored in 1 operation (+ RFC 3161 token): ${seconds(anchorMs)}`);

  started = performance.now();
  const reports = await verifyEveryBundle(t, folderIds, { tezosRpcUrl: double.url, timestampTrustAnchors: [tsa.caPem] });
  const verifyAllMs = performance.now() - started;
  const bad = reports.filter((r) => !r.ok || r.anchor?.status !== 'verified' || r.timestamp?.status !== 'trusted');
  if (bad.length > 0) throw new Error(`${bad.length} bundles did not verify: ${JSON.stringify(bad[0].problems)}`);
  console.log(
    `${FOLDERS} bundles downloaded and verified (node + token): ${seconds(verifyAllMs)} (${(verifyAllMs / FOLDERS).toFixed(0)} ms each)`,
  );

  // One 100-document bundle, verified offline with its token: the verifier's own cost.
  const files: FixtureFile[] = Array.from({ length: 100 }, (_, i) => ({
    id: `fil_${String(i).padStart(3, '0')}`,
    clientName: 'Hélène Dupont',
    documentTypeLabel: 'Pièces',
    fileName: `piece-${i}.pdf`,
    bytes: Buffer.concat([Buffer.from(`%PDF-1.7 ${i}\n`), Buffer.alloc(20_000, i)]),
  }));
  const roots = fixtureBatch(files, 999);
  const localAnchor = await anchorRoot(await LocalDevAnchor.open(dataDir), roots.batch.root);
  const token = await timestamps.timestamp(Buffer.from(roots.batch.root, 'hex'));
  const facts = { genTime: token.genTime.toISOString(), tsa: token.tsa, policy: token.policy, serialNumber: token.serialNumber };
  const zip = await collect(
    (await buildProofBundle({ ...bundleInput(files, localAnchor, roots), timestamp: { token: token.response, facts } })).stream(),
  );
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const at = performance.now();
    const report = await verifyProofBundle(zip, { timestampTrustAnchors: [tsa.caPem] });
    times.push(performance.now() - at);
    if (!report.ok || report.files.length !== 100) throw new Error(`100-document bundle: ${JSON.stringify(report.problems)}`);
  }
  const median = times.sort((a, b) => a - b)[2];
  console.log(
    `verify one 100-document bundle (${(zip.length / 1e6).toFixed(1)} MB): median ${median.toFixed(0)} ms (budget ${VERIFY_BUDGET_MS} ms)`,
  );
  console.log(
    JSON.stringify({
      folders: FOLDERS,
      makeFoldersS: +(makeMs / 1000).toFixed(1),
      anchorBatchS: +(anchorMs / 1000).toFixed(1),
      verifyAllS: +(verifyAllMs / 1000).toFixed(1),
      verify100DocMs: Math.round(median),
      withinBudget: median < VERIFY_BUDGET_MS,
    }),
  );
  if (median >= VERIFY_BUDGET_MS) process.exitCode = 1;
} finally {
  await tsa.close();
  await double.close();
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
}
