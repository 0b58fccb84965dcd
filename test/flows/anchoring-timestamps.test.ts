import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { verifyProofBundle } from '@lecoffre/proof';
import { unzipSync, zipSync } from 'fflate';
import { LocalDevAnchor } from '../../api/adapters/anchor/local-dev-anchor.js';
import { type DevTsa, startDevTsa } from '../../api/adapters/timestamp/dev-tsa.js';
import { Rfc3161Client } from '../../api/adapters/timestamp/rfc3161-client.js';
import { runAnchorCycle } from '../../api/services/anchoring/anchor-cycle.js';
import { samplePdf } from '../../api/services/documents/sample-files.test-support.js';
import { binary, completeFolderWithUploads } from '../support/folder-flow.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Every batch gets an RFC 3161 token on its root beside the anchor, from the local development TSA (a double of a qualified TSA). */
let t: TestApp;
let dataDir: string;
let tsa: DevTsa;
let anchor: LocalDevAnchor;
let timestamps: Rfc3161Client;
before(async () => {
  t = await createTestApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-tsa-flow-'));
  tsa = await startDevTsa({ dataDir });
  anchor = await LocalDevAnchor.open(dataDir);
  timestamps = new Rfc3161Client({ url: tsa.url });
});
after(async () => {
  await tsa.close();
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const proofOf = async (folderId: string): Promise<Uint8Array> =>
  new Uint8Array(
    (await t.request.get(`/v1/folders/${folderId}/proof`).set('Authorization', t.office.auth).buffer(true).parse(binary).expect(200)).body,
  );

async function anchoringRequested(number: string): Promise<string> {
  const { folderId } = await completeFolderWithUploads(t, number, [{ label: 'Acte', name: 'acte.pdf', bytes: await samplePdf(number) }]);
  await t.request.post(`/v1/folders/${folderId}/anchor`).set('Authorization', t.office.auth).expect(202);
  return folderId;
}

describe('RFC 3161 timestamps beside the anchor', () => {
  it('a TSA down does not hold the batch back: anchored without a token, stamped by the next cycle', async () => {
    const folderId = await anchoringRequested('TSA-1');
    tsa.failNext(1);
    const cycle = await runAnchorCycle({ db: t.db, anchor, timestamps, maxBatch: 1000 });
    assert.equal(cycle.outcome, 'anchored');
    const batch = await t.db.models.AnchorBatch.findByPk((cycle as { batchId: string }).batchId, { rejectOnEmpty: true });
    assert.equal(batch.timestampToken, null);
    assert.match(batch.timestampError ?? '', /503/);

    const before = await verifyProofBundle(await proofOf(folderId));
    assert.equal(before.ok, true, JSON.stringify(before.problems));
    assert.equal(before.anchor?.status, 'local_dev');
    assert.equal(before.timestamp?.status, 'absent', 'reported as "no timestamp"');

    assert.equal((await runAnchorCycle({ db: t.db, anchor, timestamps, maxBatch: 1000 })).outcome, 'idle');
    await batch.reload();
    assert.ok(batch.timestampToken, 'the next cycle stamped the batch');
    const zip = await proofOf(folderId);
    assert.ok(unzipSync(zip)['timestamp.tsr']);
    const after = await verifyProofBundle(zip, { timestampTrustAnchors: [tsa.caPem] });
    assert.equal(after.ok, true, JSON.stringify(after.problems));
    assert.equal(after.timestamp?.status, 'trusted');
    assert.equal(after.timestamp?.devTsa, true);
    assert.equal(after.timestamp?.level, 'warning', 'a dev TSA token is never green');
    const claimed = await verifyProofBundle(zip, { qualifiedTimestampAnchors: [tsa.caPem] });
    assert.equal(claimed.timestamp?.qualified, false);
  });

  it("the bundle's token verifies with OpenSSL as docs/proof-format.md says, and tampering is named", async () => {
    const folderId = await anchoringRequested('TSA-2');
    const cycle = await runAnchorCycle({ db: t.db, anchor, timestamps, maxBatch: 1000 });
    assert.equal(cycle.outcome, 'anchored');
    const zip = await proofOf(folderId);
    const entries = unzipSync(zip);
    const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
    assert.deepEqual(
      {
        kind: certificate.anchors.timestamp.kind,
        file: certificate.anchors.timestamp.file,
        imprint: certificate.anchors.timestamp.imprint,
      },
      { kind: 'rfc3161', file: 'timestamp.tsr', imprint: 'SHA-256(batch.root)' },
    );

    const dir = await mkdtemp(path.join(tmpdir(), 'lecoffre-openssl-'));
    try {
      await writeFile(path.join(dir, 'timestamp.tsr'), entries['timestamp.tsr']);
      await writeFile(path.join(dir, 'ca.pem'), tsa.caPem);
      await writeFile(path.join(dir, 'tsa.pem'), tsa.tsaPem);
      const digest = createHash('sha256').update(Buffer.from(certificate.batch.root, 'hex')).digest('hex');
      const args = ['ts', '-verify', '-digest', digest, '-in', 'timestamp.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'];
      const { stdout } = await promisify(execFile)('/usr/bin/openssl', args, { cwd: dir });
      assert.match(stdout, /Verification: OK/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const withoutToken = { ...entries };
    delete withoutToken['timestamp.tsr'];
    const missing = await verifyProofBundle(zipSync(withoutToken));
    assert.deepEqual(
      missing.problems.map((p) => `${p.code}: ${p.culprit}`),
      ['timestamp_missing: timestamp.tsr'],
    );
    // The token of another batch: well signed, but on another root.
    const otherBatch = await t.db.models.AnchorBatch.findOne({
      where: { status: 'final' },
      order: [['createdAt', 'ASC']],
      rejectOnEmpty: true,
    });
    assert.notEqual(otherBatch.root, certificate.batch.root);
    const swapped = await verifyProofBundle(zipSync({ ...entries, 'timestamp.tsr': new Uint8Array(otherBatch.timestampToken as Buffer) }));
    assert.deepEqual(
      swapped.problems.map((p) => `${p.code}: ${p.culprit}`),
      ['timestamp_imprint_mismatch: timestamp.tsr'],
    );
  });
});
