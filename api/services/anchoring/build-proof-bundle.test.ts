import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { validateCertificate, verifyProofBundle } from '@lecoffre/proof';
import { InMemorySigner } from '@taquito/signer';
import { b58Encode, PrefixV2 } from '@taquito/utils';
import { unzipSync, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { startTezosRpcDouble, type TezosRpcDouble } from '../../../test/doubles/tezos-rpc-double.js';
import { LocalDevAnchor } from '../../adapters/anchor/local-dev-anchor.js';
import { TezosAnchor } from '../../adapters/anchor/tezos-anchor.js';
import { ProofInconsistentError } from './build-certificate.js';
import { buildProofBundle } from './build-proof-bundle.js';
import { anchorRoot, bundleInput, collect, fixtureBatch, fixtureFiles } from './proof-bundle.fixture.js';

/** The text a pdf-lib page draws with standard fonts: `<hex> Tj` in (deflated) content streams, WinAnsi. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  let text = '';
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const contents = (object as { contents?: Uint8Array }).contents;
    if (!contents) continue;
    let raw: Buffer;
    try {
      raw = inflateSync(contents);
    } catch {
      raw = Buffer.from(contents);
    }
    for (const match of raw.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g))
      text += `${Buffer.from(match[1], 'hex').toString('latin1')}\n`;
  }
  return text;
}

describe('buildProofBundle', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-bundle-'));
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  const localDevBundle = async () => {
    const files = fixtureFiles();
    const roots = fixtureBatch(files);
    const anchor = await anchorRoot(await LocalDevAnchor.open(dataDir), roots.batch.root);
    return { files, input: bundleInput(files, anchor, roots) };
  };

  it('with a local-dev anchor: a ZIP with the certificate, the PDF, the audit trail and every document; it verifies', async () => {
    const { files, input } = await localDevBundle();
    const bundle = await buildProofBundle(input);
    const zip = await collect(bundle.stream());
    const entries = unzipSync(zip);
    assert.deepEqual(Object.keys(entries), [
      'certificate.json',
      'Certificat de dépôt.pdf',
      'journal-d-audit.json',
      'metadata.json',
      "Documents du client/Hélène Dupont/Carte d'identité/cni-recto.pdf",
      "Documents du client/Hélène Dupont/Carte d'identité/cni-verso.pdf",
      'Documents du client/Hélène Dupont/RIB/rib.pdf',
      'Documents du client/Marc Dupont/Avis d’imposition/avis 2024.pdf',
      'Documents du client/Marc Dupont/Titre de propriété/titre.pdf',
    ]);
    assert.deepEqual(Buffer.from(entries['Documents du client/Marc Dupont/Avis d’imposition/avis 2024.pdf']), files[3].bytes);
    assert.deepEqual(JSON.parse(Buffer.from(entries['journal-d-audit.json']).toString()), input.audit);
    const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
    assert.equal(validateCertificate(certificate).ok, true);
    assert.deepEqual(certificate, bundle.certificate);
    assert.equal(bundle.fileName, 'preuve-2024-0042.zip');

    const report = await verifyProofBundle(zip);
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.anchor?.status, 'local_dev');
    assert.deepEqual(
      report.files.map((f) => f.status),
      files.map(() => 'ok'),
    );
  });

  it('is deterministic: same input, same bytes, whatever the server time zone', async () => {
    const { input } = await localDevBundle();
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const first = await collect((await buildProofBundle(input)).stream());
      process.env.TZ = 'Pacific/Auckland';
      const bundle = await buildProofBundle(input);
      const second = await collect(bundle.stream());
      const third = await collect(bundle.stream());
      assert.ok(Buffer.from(first).equals(Buffer.from(second)), 'rebuilt in another time zone');
      assert.ok(Buffer.from(second).equals(Buffer.from(third)), 'streamed twice');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('writes a French certificate PDF: time with zone, folder hash, depositors, partner, and says local-dev plainly', async () => {
    const { input } = await localDevBundle();
    const bundle = await buildProofBundle({ ...input, technicalPartner: 'Smart-Chain' });
    const pdfBytes = unzipSync(await collect(bundle.stream()))['Certificat de dépôt.pdf'];
    const text = await pdfText(pdfBytes);
    for (const expected of [
      'Certificat de dépôt',
      'SELAS AP NOTAIRES',
      'Maître Anne Pérez',
      'Smart-Chain',
      bundle.certificate.folder.root,
      'NON ANCRÉ SUR UNE BLOCKCHAIN PUBLIQUE',
      'Comment vérifier',
      'CRPCEN 75123',
      'validé le',
      'formatVersion' in bundle.certificate ? bundle.certificate.audit.head : 'a version-2 certificate',
      '/verify/proof-format.md',
    ]) {
      assert.ok(text.includes(expected), `the PDF shows "${expected}"`);
    }
    assert.match(text, /\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC\+\d/);
    const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
    assert.equal(pdf.getCreationDate()?.toISOString(), new Date(input.anchor.timestamp).toISOString());
  });

  it('states the certificate’s times in the office’s zone (an office in La Réunion: UTC+4, never daylight saving)', async () => {
    const { input } = await localDevBundle();
    const pdfOf = async (timeZone?: string) =>
      pdfText(unzipSync(await collect((await buildProofBundle({ ...input, timeZone })).stream()))['Certificat de dépôt.pdf']);
    const reunion = await pdfOf('Indian/Reunion');
    assert.match(reunion, /\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC\+4/);
    assert.doesNotMatch(reunion, /UTC\+[12]\b/);
    assert.match(await pdfOf(), /UTC\+[12]\b/, 'Paris when no zone is given');
  });

  it('refuses to certify files that do not rebuild the anchored folder root', async () => {
    const { input } = await localDevBundle();
    await assert.rejects(buildProofBundle({ ...input, files: input.files.slice(1) }), ProofInconsistentError);
    await assert.rejects(buildProofBundle({ ...input, batch: { ...input.batch, root: '00'.repeat(32) } }), ProofInconsistentError);
  });

  it('aborts the stream when a stored file does not match its validated hash', async () => {
    const { input } = await localDevBundle();
    const files = input.files.map((file, i) => (i === 2 ? { ...file, open: () => Buffer.from('corrupted blob') } : file));
    const bundle = await buildProofBundle({ ...input, files });
    await assert.rejects(collect(bundle.stream()), /do not match their validated SHA-256/);
  });

  describe('with a Tezos anchor (RPC double)', () => {
    let double: TezosRpcDouble;
    const contract = 'KT1BEqzn5Wx8uJrZNvuS9DVHmLvG9td3fDLi';
    before(async () => {
      double = await startTezosRpcDouble();
    });
    after(async () => double.close());

    it('verifies offline (chain not checked) and against the node (operation in that block, carrying the root)', async () => {
      const signer = await InMemorySigner.fromSecretKey(b58Encode(new Uint8Array(32).fill(9), PrefixV2.Ed25519Seed));
      double.fund(await signer.publicKeyHash(), { publicKey: await signer.publicKey() });
      double.deployBytesContract(contract);
      const files = fixtureFiles();
      const roots = fixtureBatch(files, 999); // one operation for 1 000 folders
      const tezos = new TezosAnchor({ rpcUrl: double.url, network: 'ghostnet', contract, signer });
      const anchor = await anchorRoot(tezos, roots.batch.root, () => double.bake(3));
      const zip = await collect((await buildProofBundle(bundleInput(files, anchor, roots))).stream());
      const pdf = await pdfText(unzipSync(zip)['Certificat de dépôt.pdf']);
      for (const expected of [
        'Tezos ghostnet',
        'Explorateur blockchain',
        `https://ghostnet.tzkt.io/${anchor.operationHash}`,
        roots.batch.root,
      ]) {
        assert.ok(pdf.includes(expected), `the PDF shows "${expected}"`);
      }

      const offline = await verifyProofBundle(zip);
      assert.equal(offline.ok, true, JSON.stringify(offline.problems));
      assert.equal(offline.anchor?.status, 'not_checked');
      assert.equal(offline.verdict, 'warning', 'an anchor nobody checked is not a valid proof yet');
      const online = await verifyProofBundle(zip, { tezosRpcUrl: double.url });
      assert.equal(online.ok, true, JSON.stringify(online.problems));
      assert.equal(online.anchor?.status, 'verified');
      assert.equal(online.verdict, 'valid');
      assert.match(online.summary.fr, /^VALIDE/);
      assert.equal(online.anchor?.explorerUrl, `https://ghostnet.tzkt.io/${anchor.operationHash}`);
      assert.equal(roots.batch.folderPath.length, 10, 'a path of log2(1000) steps');

      // A certificate pointing at another operation: only a node can tell, and it does.
      const entries = unzipSync(zip);
      const certificate = JSON.parse(Buffer.from(entries['certificate.json']).toString());
      certificate.anchors.chain.operationHash = 'onmBn7KbGSDMUXrAXDKXhyVVnRDDpbgf9TPqmQDr4VYhzKzVkyT';
      entries['certificate.json'] = Buffer.from(JSON.stringify(certificate));
      const forged = zipSync(entries);
      assert.equal((await verifyProofBundle(forged)).ok, true, 'offline, the chain is not checked');
      const checked = await verifyProofBundle(forged, { tezosRpcUrl: double.url });
      assert.deepEqual(
        checked.problems.map((p) => `${p.code}: ${p.culprit}`),
        ['anchor_not_on_chain: certificate.json'],
      );
    });
  });
});
