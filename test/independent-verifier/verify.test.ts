import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { verifyIndependently } from './verify.js';

// The committed test vectors, checked by the verifier written from docs/proof-format.md alone. The
// bundle the app anchors today is checked by the same verifier in test/flows/anchoring.test.ts.

const VECTORS = new URL('../../docs/proof-vectors/', import.meta.url);

describe('an independent verifier, from the document alone', () => {
  it('reproduces every expected value of the committed vectors', async () => {
    const zip = new Uint8Array(await readFile(new URL('bundle.zip', VECTORS)));
    const expected = JSON.parse(await readFile(new URL('expected.json', VECTORS), 'utf8'));
    const result = verifyIndependently(zip);
    assert.deepEqual(result.failures, []);
    assert.equal(result.folderRoot, expected.folderRoot);
    assert.equal(result.metadataSha256, expected.metadata.sha256);
    assert.deepEqual(result.auditHashes, expected.audit.folderHashes);
    assert.equal(result.batchRoot, expected.batch.root);
  });

  it('fails the vectors with a title edited', async () => {
    const entries = unzipSync(new Uint8Array(await readFile(new URL('bundle.zip', VECTORS))));
    const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
    certificate.folder.title = 'Vente Durand / Lefèvre (bis)';
    entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
    const { failures } = verifyIndependently(zipSync(entries));
    assert.equal(failures[0], 'the displayed fields do not hash to metadata.sha256');
  });
});
