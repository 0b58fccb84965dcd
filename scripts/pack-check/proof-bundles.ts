/**
 * Real proof bundles for the CLI check, built by the API's own builder from its test fixture and anchored
 * with the local development anchor: one that holds, and the same with one document byte flipped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { buildProofBundle } from '../../api/services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from '../../api/services/anchoring/proof-bundle.fixture.js';

export interface ProofBundles {
  valid: string;
  tampered: string;
  /** The path of the document changed in `tampered`, which the CLI must name. */
  tamperedDocument: string;
  /** How many documents the bundle holds. */
  documents: number;
}

export async function writeProofBundles(dir: string): Promise<ProofBundles> {
  const anchorDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-pack-anchor-'));
  try {
    const files = fixtureFiles();
    const roots = fixtureBatch(files);
    const anchor = await anchorRoot(await LocalDevAnchor.open(anchorDir), roots.batch.root);
    const zip = await collect((await buildProofBundle(bundleInput(files, anchor, roots))).stream());
    const entries = unzipSync(zip);
    // A client's document, not the certificate PDF the bundle also carries.
    const tamperedDocument = Object.keys(entries).find((name) => name.startsWith('Documents du client/'));
    if (!tamperedDocument) throw new Error('the fixture bundle holds no document');
    entries[tamperedDocument][entries[tamperedDocument].length - 1] ^= 0x01;
    const bundles = {
      valid: path.join(dir, 'preuve.zip'),
      tampered: path.join(dir, 'preuve-modifiee.zip'),
      tamperedDocument,
      documents: files.length,
    };
    await writeFile(bundles.valid, zip);
    await writeFile(bundles.tampered, zipSync(entries));
    return bundles;
  } finally {
    await rm(anchorDir, { recursive: true, force: true });
  }
}
