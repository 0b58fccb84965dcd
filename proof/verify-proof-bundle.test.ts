import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { LocalDevAnchor } from '../api/adapters/anchor/local-dev-anchor.js';
import { buildProofBundle } from '../api/services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from '../api/services/anchoring/proof-bundle.fixture.js';
import type { ProofCertificate } from './certificate.js';
import { verifyProofBundle } from './verify-proof-bundle.js';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const DOC = "Documents du client/Hélène Dupont/Carte d'identité/cni-verso.pdf";
const OTHER_DOC = 'Documents du client/Hélène Dupont/RIB/rib.pdf';

type Entries = Record<string, Uint8Array>;

describe('verifyProofBundle names the culprit', () => {
  let dataDir: string;
  let original: Uint8Array;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-verify-'));
    const files = fixtureFiles();
    const roots = fixtureBatch(files);
    const anchor = await anchorRoot(await LocalDevAnchor.open(dataDir), roots.batch.root);
    original = await collect((await buildProofBundle(bundleInput(files, anchor, roots))).stream());
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  /** Unzips the good bundle, lets `change` edit the entries, zips them again. */
  const tampered = (change: (entries: Entries) => void): Uint8Array => {
    const entries = unzipSync(original);
    change(entries);
    return zipSync(entries);
  };
  const editCertificate = (edit: (certificate: ProofCertificate) => void) =>
    tampered((entries) => {
      const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
      edit(certificate);
      entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
    });
  const culprits = async (zip: Uint8Array) => {
    const report = await verifyProofBundle(zip);
    assert.equal(report.ok, false, 'the bundle must fail');
    return { report, names: report.problems.map((p) => `${p.code}: ${p.culprit}`) };
  };

  it('holds untouched, and re-zipped by another tool: a warning, never VALID, for a local-dev anchor', async () => {
    for (const zip of [original, tampered(() => {})]) {
      const report = await verifyProofBundle(zip);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ok, true);
      assert.equal(report.verdict, 'warning');
      assert.equal(report.formatVersion, 2);
      assert.deepEqual(
        report.warnings.map((w) => w.code),
        ['anchor_local_dev'],
      );
      assert.doesNotMatch(report.summary.fr, /VALIDE/);
    }
  });

  it('one byte flipped in one document: that document, and only it, is modified', async () => {
    const { report, names } = await culprits(
      tampered((entries) => {
        entries[DOC][1000] ^= 0x01;
      }),
    );
    assert.deepEqual(names, [`file_modified: ${DOC}`]);
    assert.equal(report.files.find((f) => f.path === DOC)?.status, 'modified');
    assert.equal(report.files.filter((f) => f.status === 'ok').length, 4);
    assert.match(report.summary.fr, /ÉCHEC/);
    assert.match(report.summary.en, /FAILED/);
  });

  it('a renamed document is named with both names', async () => {
    const renamed = "Documents du client/Hélène Dupont/Carte d'identité/cni-verso-copie.pdf";
    const { report, names } = await culprits(
      tampered((entries) => {
        entries[renamed] = entries[DOC];
        delete entries[DOC];
      }),
    );
    assert.deepEqual(names, [`file_renamed: ${renamed}`]);
    assert.deepEqual(report.files.find((f) => f.path === DOC)?.foundAt, renamed);
  });

  it('a missing document, and an extra one', async () => {
    assert.deepEqual((await culprits(tampered((entries) => delete entries[DOC]))).names, [`file_missing: ${DOC}`]);
    const extra = 'Documents du client/Marc Dupont/RIB/faux-rib.pdf';
    const { names } = await culprits(
      tampered((entries) => {
        entries[extra] = Buffer.from('%PDF-1.7 a substituted RIB');
      }),
    );
    assert.deepEqual(names, [`file_extra: ${extra}`]);
  });

  it('certificate.json edited: a file hash, the file list, the folder hash, the batch, the signed time, or not JSON', async () => {
    const fileHash = await culprits(
      editCertificate((c) => {
        c.files[1].sha256 = 'ab'.repeat(32);
      }),
    );
    // The hash is shown too: the entry no longer leads to the root, and the displayed value is not the committed one.
    assert.deepEqual(fileHash.names, ['certificate_file_entry_altered: certificate.json', 'certificate_field_altered: certificate.json']);
    assert.deepEqual(
      fileHash.report.problems.map((p) => p.detail),
      ['$.files[1]', '$.files[1].sha256'],
    );

    // A document and its entry both removed: every remaining path still holds, only the rebuilt root tells.
    const path = (c: ProofCertificate) => c.files.find((f) => f.path === OTHER_DOC);
    const shortened = tampered((entries) => {
      const certificate: ProofCertificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
      certificate.files = certificate.files.filter((f) => f !== path(certificate)).map((f, i) => ({ ...f, leafIndex: i }));
      entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
      delete entries[OTHER_DOC];
    });
    assert.deepEqual((await culprits(shortened)).names.slice(0, 1), ['certificate_file_list_altered: certificate.json']);

    const folderRoot = await culprits(
      editCertificate((c) => {
        c.folder.root = 'cd'.repeat(32);
      }),
    );
    assert.deepEqual(folderRoot.names, ['certificate_folder_root_altered: certificate.json']);
    assert.equal(folderRoot.report.verdict, 'invalid');
    assert.ok(
      folderRoot.report.files.every((f) => f.status === 'ok'),
      'the documents themselves are intact',
    );

    const batch = await culprits(
      editCertificate((c) => {
        c.batch.root = 'ef'.repeat(32);
      }),
    );
    assert.ok(batch.names.includes('certificate_batch_path_altered: certificate.json'), batch.names.join());

    const time = await culprits(
      editCertificate((c) => {
        c.anchors.chain.timestamp = '2020-01-01T00:00:00Z';
      }),
    );
    assert.deepEqual(time.names, ['anchor_signature_invalid: certificate.json']);
    assert.equal(time.report.problems[0].detail, '$.anchors.chain');

    const broken = await culprits(
      tampered((entries) => {
        entries['certificate.json'] = entries['certificate.json'].subarray(0, 100);
      }),
    );
    assert.deepEqual(broken.names, ['certificate_not_json: certificate.json']);

    const schema = await culprits(
      editCertificate((c) => {
        (c as unknown as { formatVersion: number }).formatVersion = 7;
      }),
    );
    assert.deepEqual(schema.names, ['certificate_invalid: certificate.json']);
    assert.equal(schema.report.problems[0].detail, '$.formatVersion: expected 2');
  });

  it('not a ZIP at all: a plain sentence, no exception text, no count', async () => {
    const report = await verifyProofBundle(new TextEncoder().encode('hello'));
    assert.deepEqual(
      report.problems.map((p) => p.code),
      ['bundle_unreadable'],
    );
    assert.equal(report.verdict, 'invalid');
    assert.equal(report.summary.fr, 'Ce fichier n’est pas une preuve LeCoffre : le ZIP est illisible.');
    assert.doesNotMatch(JSON.stringify(report), /Error|invalid zip data|\(s\)/);
  });

  describe('lecoffre-proof verify (CLI)', () => {
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn('npx', ['tsx', 'proof/cli.ts', ...args], { cwd: ROOT_DIR, env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (data) => {
          stdout += data;
        });
        child.stderr.on('data', (data) => {
          stderr += data;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });

    it('exits 3 (warning) on an intact local-dev bundle, 1 naming the modified document, 2 on a usage error', async () => {
      const good = path.join(dataDir, 'good.zip');
      const bad = path.join(dataDir, 'bad.zip');
      await writeFile(good, original);
      await writeFile(
        bad,
        tampered((entries) => {
          entries[DOC][10] ^= 0xff;
        }),
      );
      const [ok, failed, usage] = await Promise.all([cli('verify', good), cli('verify', bad), cli('verfy', good)]);

      assert.equal(ok.code, 3, ok.stderr);
      assert.match(ok.stdout, /\[AVERTISSEMENT \/ WARNING\]/);
      assert.match(ok.stdout, /serveur de développement/);
      assert.doesNotMatch(ok.stdout, /VALIDE/);

      assert.equal(failed.code, 1, failed.stderr);
      assert.ok(failed.stdout.includes(`[MODIFIÉ / MODIFIED] ${DOC}`), failed.stdout);
      assert.match(failed.stdout, /ÉCHEC/);
      assert.match(failed.stdout, /FAILED/);

      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /npx @lecoffre\/proof verify <preuve\.zip>/);
    });
  });
});
