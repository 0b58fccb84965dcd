import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { LocalDevAnchor } from '../api/adapters/anchor/local-dev-anchor.js';
import { chainHash } from '../api/domain/audit-chain.js';
import { buildProofBundle } from '../api/services/anchoring/build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from '../api/services/anchoring/proof-bundle.fixture.js';
import type { ProofCertificateV2 } from './certificate.js';
import { verifyProofBundle } from './verify-proof-bundle.js';

// The tamper suite for what version 2 adds: every displayed field, metadata.json, the audit journal, the
// Merkle paths and the anchor; plus a committed version-1 bundle that must keep verifying, with a warning.

type Entries = Record<string, Uint8Array>;
type Journal = Array<Record<string, unknown>>;

let dataDir: string;
let original: Uint8Array;
before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-metadata-'));
  const files = fixtureFiles();
  const roots = fixtureBatch(files);
  const anchor = await anchorRoot(await LocalDevAnchor.open(dataDir), roots.batch.root);
  original = await collect((await buildProofBundle(bundleInput(files, anchor, roots))).stream());
});
after(async () => rm(dataDir, { recursive: true, force: true }));

const tampered = (change: (entries: Entries) => void): Uint8Array => {
  const entries = unzipSync(original);
  change(entries);
  return zipSync(entries);
};
const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString());
const editCertificate = (edit: (certificate: ProofCertificateV2) => void) =>
  tampered((entries) => {
    const certificate = json(entries['certificate.json']);
    edit(certificate);
    entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
  });
const editJournal = (edit: (journal: Journal) => void) =>
  tampered((entries) => {
    const journal = json(entries['journal-d-audit.json']);
    edit(journal);
    entries['journal-d-audit.json'] = Buffer.from(JSON.stringify(journal));
  });
const problemsOf = async (zip: Uint8Array) => {
  const report = await verifyProofBundle(zip);
  assert.equal(report.verdict, 'invalid', 'the bundle must fail');
  assert.equal(report.ok, false);
  return report.problems;
};

/** Rechains the journal from `from` on, as a forger who knows the rules would. */
function rechain(journal: Journal, from: number): void {
  for (let i = from; i < journal.length; i++) {
    const { prevHash: _p, hash: _h, folderPrevHash: _fp, folderHash: _fh, ...event } = journal[i];
    const previous = i === 0 ? (journal[0].folderPrevHash as string) : (journal[i - 1].folderHash as string);
    journal[i].folderPrevHash = previous;
    journal[i].folderHash = chainHash(previous, event as never);
  }
}

describe('every displayed field is committed', () => {
  const edits: Array<[string, (c: ProofCertificateV2) => void, RegExp]> = [
    ['$.folder.number', (c) => (c.folder.number = '2024-0043'), /numéro du dossier/],
    ['$.folder.title', (c) => (c.folder.title = 'Succession Martin'), /intitulé du dossier/],
    ['$.folder.office', (c) => (c.folder.office = 'Autre office'), /office notarial/],
    ['$.folder.crpcen', (c) => (c.folder.crpcen = '99999'), /CRPCEN/],
    ['$.folder.notary', (c) => (c.folder.notary = 'Maître X'), /notaire/],
    ['$.folder.deedType', (c) => (c.folder.deedType = 'Vente'), /type d’acte/],
    ['$.folder.depositors[0]', (c) => (c.folder.depositors[0] = 'Quelqu’un d’autre'), /déposants/],
    ['$.files[0].client', (c) => (c.files[0].client = 'Paul Durand'), /déposant du document/],
    ['$.files[0].documentType', (c) => (c.files[0].documentType = 'Bail'), /libellé du document/],
    ['$.files[0].name', (c) => (c.files[0].name = 'autre.pdf'), /nom du fichier/],
    ['$.files[0].mediaType', (c) => (c.files[0].mediaType = 'image/png'), /type de fichier/],
    ['$.files[0].size', (c) => (c.files[0].size += 1), /taille/],
    ['$.files[0].uploadedAt', (c) => (c.files[0].uploadedAt = '2020-01-01T00:00:00.000Z'), /date de dépôt/],
    ['$.files[0].validatedAt', (c) => (c.files[0].validatedAt = '2020-01-01T00:00:00.000Z'), /date de validation/],
    ['$.files[0].validatedBy', (c) => (c.files[0].validatedBy = 'Stagiaire'), /validé par/],
    ['$.audit.events', (c) => (c.audit.events -= 1), /nombre d’événements/],
  ];
  for (const [field, edit, name] of edits) {
    it(`an edited ${field} fails, naming the field`, async () => {
      const problems = await problemsOf(editCertificate(edit));
      const named = problems.find((p) => p.code === 'certificate_field_altered' && p.detail === field);
      assert.ok(named, problems.map((p) => `${p.code} ${p.detail}`).join('; '));
      assert.equal(named.culprit, 'certificate.json');
      assert.match(named.message.fr, name);
    });
  }

  it('without metadata.json, an edited field still fails (unnamed); an edited metadata.json is named', async () => {
    const unnamed = await problemsOf(
      tampered((entries) => {
        delete entries['metadata.json'];
        const certificate = json(entries['certificate.json']);
        certificate.folder.title = 'Succession Martin';
        entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
      }),
    );
    assert.deepEqual(
      unnamed.map((p) => `${p.code} ${p.detail}`),
      ['certificate_field_altered $'],
    );
    const record = await problemsOf(
      tampered((entries) => {
        entries['metadata.json'] = Buffer.from(
          Buffer.from(entries['metadata.json']).toString().replace('Succession Dupont', 'Succession Martin'),
        );
      }),
    );
    assert.deepEqual(
      record.map((p) => `${p.code}: ${p.culprit}`),
      ['metadata_record_altered: metadata.json'],
    );
  });

  it('an edited metadata hash or metadata Merkle path fails on certificate.json', async () => {
    const hash = await problemsOf(editCertificate((c) => (c.metadata.sha256 = 'ab'.repeat(32))));
    assert.deepEqual(
      hash.map((p) => `${p.code} ${p.detail}`),
      ['certificate_file_list_altered $.files', 'certificate_metadata_altered $.metadata.sha256'],
    );
    const step = await problemsOf(editCertificate((c) => (c.metadata.merklePath[0].hash = 'cd'.repeat(32))));
    assert.deepEqual(
      step.map((p) => `${p.code} ${p.detail}`),
      ['certificate_metadata_altered $.metadata'],
    );
  });

  it('a version-2 certificate passed off as version 1 fails', async () => {
    const problems = await problemsOf(
      editCertificate((c) => {
        const legacy = c as unknown as Record<string, unknown>;
        delete legacy.formatVersion;
        legacy.version = 1;
        legacy.anchor = c.anchors.chain;
      }),
    );
    assert.ok(
      problems.some((p) => p.code === 'certificate_file_list_altered'),
      problems.map((p) => p.code).join(),
    );
  });
});

describe('the audit journal is checked alone', () => {
  it('an edited event is named, whether or not its hashes were recomputed', async () => {
    const plain = await problemsOf(editJournal((journal) => (journal[1].ip = '198.51.100.7')));
    assert.deepEqual(
      plain.map((p) => `${p.code}: ${p.culprit} ${p.detail}`),
      ['audit_journal_altered: journal-d-audit.json $[1]'],
    );
    assert.match(plain[0].message.fr, /événement #2 \(evt_02\) a été modifié/);

    const forged = await problemsOf(
      editJournal((journal) => {
        (journal[1].data as Record<string, unknown>).status = 'refused';
        rechain(journal, 1);
      }),
    );
    assert.deepEqual(
      forged.map((p) => `${p.code}: ${p.culprit} ${p.detail}`),
      ['audit_journal_altered: journal-d-audit.json $[2]'],
    );
    assert.match(forged[0].message.fr, /#3 \(evt_03\).*tête ancrée/);
  });

  it('a removed or a moved event is named', async () => {
    const removed = await problemsOf(editJournal((journal) => journal.splice(1, 1)));
    assert.match(removed[0].message.fr, /#2 \(evt_03\) ne suit pas/);
    const moved = await problemsOf(editJournal((journal) => journal.reverse()));
    assert.match(moved[0].message.fr, /#1 \(evt_04\) ne suit pas/);
  });

  it('a forged head in certificate.json is caught by the committed record', async () => {
    const problems = await problemsOf(editCertificate((c) => (c.audit.head = 'ef'.repeat(32))));
    assert.ok(problems.some((p) => p.code === 'certificate_field_altered' && p.detail === '$.audit.head'));
  });
});

describe('documents, paths and the anchor', () => {
  const FIRST = "Documents du client/Hélène Dupont/Carte d'identité/cni-recto.pdf";
  const SECOND = 'Documents du client/Marc Dupont/Titre de propriété/titre.pdf';

  it('two documents swapped: both are named', async () => {
    const problems = await problemsOf(
      tampered((entries) => {
        [entries[FIRST], entries[SECOND]] = [entries[SECOND], entries[FIRST]];
      }),
    );
    assert.deepEqual(problems.map((p) => `${p.code}: ${p.culprit}`).sort(), [`file_modified: ${FIRST}`, `file_modified: ${SECOND}`]);
  });

  it('an altered file Merkle path names the entry', async () => {
    const problems = await problemsOf(editCertificate((c) => (c.files[2].merklePath[0].hash = '01'.repeat(32))));
    assert.deepEqual(
      problems.map((p) => `${p.code} ${p.detail}`),
      ['certificate_file_entry_altered $.files[2]'],
    );
  });

  it('an altered anchor signature or key names the anchor', async () => {
    for (const edit of [
      (c: ProofCertificateV2) => {
        if (c.anchors.chain.kind === 'local-dev') c.anchors.chain.signature = `00${c.anchors.chain.signature.slice(2)}`;
      },
      (c: ProofCertificateV2) => {
        if (c.anchors.chain.kind === 'local-dev') c.anchors.chain.publicKey = 'aa'.repeat(32);
      },
    ]) {
      const problems = await problemsOf(editCertificate(edit));
      assert.deepEqual(
        problems.map((p) => `${p.code} ${p.detail}`),
        ['anchor_signature_invalid $.anchors.chain'],
      );
    }
  });

  it('an unknown anchor kind beside the chain anchor is left to the verifier that knows it', async () => {
    const report = await verifyProofBundle(editCertificate((c) => (c.anchors.opentimestamps = { kind: 'opentimestamps' })));
    assert.equal(report.verdict, 'warning');
  });
});

describe('version 1 bundles', () => {
  let v1: Uint8Array;
  before(async () => {
    v1 = new Uint8Array(await readFile(new URL('./fixtures/bundle-v1.zip', import.meta.url)));
  });

  it('still verify, with a warning that the displayed fields are not covered', async () => {
    const report = await verifyProofBundle(v1);
    assert.equal(report.formatVersion, 1);
    assert.equal(report.verdict, 'warning');
    assert.deepEqual(
      report.warnings.map((w) => w.code),
      ['metadata_not_covered', 'anchor_local_dev'],
    );
    assert.match(report.summary.fr, /Ancien format \(version 1\)/);
  });

  it('still fail on a flipped byte', async () => {
    const entries = unzipSync(v1);
    const doc = Object.keys(entries).find((name) => name.startsWith('Documents du client/') && entries[name].length > 0) as string;
    entries[doc][20] ^= 0x01;
    const problems = await problemsOf(zipSync(entries));
    assert.deepEqual(
      problems.map((p) => `${p.code}: ${p.culprit}`),
      [`file_modified: ${doc}`],
    );
  });
});
