/**
 * `npm run proof-vectors [-- --check]`: builds docs/proof-vectors/ (bundle.zip and expected.json) from fixed
 * inputs with the server's own bundle builder, so that an independent implementation of docs/proof-format.md
 * has a bundle and every intermediate value to reproduce. Deterministic: same code, same bytes. With
 * --check, compares instead of writing (exit 1 on drift).
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { LOCAL_DEV_NOTICE, type LocalDevAnchorProof, localDevStatement } from '@lecoffre/proof';
import { type ChainedEvent, chainHash, folderGenesisHash } from '../api/domain/audit-chain.js';
import { canonicalFileOrder, canonicalFolderOrder, leafHash, MerkleTree, metadataLeafHash } from '../api/domain/merkle.js';
import { buildProofBundle } from '../api/services/anchoring/build-proof-bundle.js';
import { type FolderFacts, folderTree, metadataRecord, metadataSha256 } from '../api/services/anchoring/certified-facts.js';

const OUT = new URL('../docs/proof-vectors/', import.meta.url);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A published test key: PKCS#8 DER prefix for Ed25519 + a 32-byte seed of 0x4c ("L"). Never trust it. */
const TEST_KEY = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 0x4c)]),
  format: 'der',
  type: 'pkcs8',
});
const SIGNED_AT = new Date('2026-03-05T08:00:00Z');

const FOLDER: FolderFacts = {
  id: 'fld_vector',
  number: '2026-0001',
  title: 'Vente Durand / Lefèvre',
  officeName: 'Office notarial de test',
  crpcen: '75999',
  notaryName: 'Maître Claire Martin',
  deedTypeLabel: 'Vente',
};

const DOCUMENTS = [
  { id: 'fil_a', clientName: 'Durand Élise', documentTypeLabel: "Carte d'identité", fileName: 'cni.pdf', text: '%PDF-1.7 vector a\n' },
  { id: 'fil_b', clientName: 'Durand Élise', documentTypeLabel: 'RIB', fileName: 'rib.pdf', text: '%PDF-1.7 vector b\n' },
  { id: 'fil_c', clientName: 'Lefèvre Paul', documentTypeLabel: 'Titre de propriété', fileName: 'titre.pdf', text: '%PDF-1.7 vector c\n' },
].map((doc, index) => ({
  ...doc,
  bytes: Buffer.from(doc.text),
  sha256: sha256(doc.text),
  mediaType: 'application/pdf',
  size: Buffer.byteLength(doc.text),
  uploadedAt: new Date(Date.UTC(2026, 2, 2, 9, index)).toISOString(),
  validatedAt: new Date(Date.UTC(2026, 2, 3, 14, index)).toISOString(),
  validatedBy: 'Claire Martin',
}));

function journal() {
  const actions = ['folder.created', 'file.validated', 'file.validated', 'file.validated', 'folder.anchoring_started'];
  let prev = folderGenesisHash(FOLDER.id);
  let officePrev = '0'.repeat(64);
  return actions.map((action, i) => {
    const event: ChainedEvent = {
      id: `evt_vector_${i + 1}`,
      officeId: 'off_vector',
      folderId: FOLDER.id,
      actorKind: 'member',
      actorId: 'mem_vector',
      credentialId: null,
      ip: '192.0.2.1',
      action,
      subjectType: action.startsWith('file') ? 'file' : 'folder',
      subjectId: action.startsWith('file') ? DOCUMENTS[i - 1].id : FOLDER.id,
      data: action === 'folder.created' ? { number: FOLDER.number } : {},
      occurredAt: new Date(Date.UTC(2026, 2, 4, 10, i)).toISOString(),
    };
    const folderPrevHash = prev;
    const officeHash = chainHash(officePrev, event);
    const entry = { ...event, prevHash: officePrev, hash: officeHash, folderPrevHash, folderHash: chainHash(prev, event) };
    prev = entry.folderHash;
    officePrev = officeHash;
    return entry;
  });
}

/**
 * The local-dev anchor as the server's adapter makes it (scripts may not use adapters directly): the
 * statement signed with the test key, the operation id derived from the signature.
 */
function localDevAnchor(rootHex: string): LocalDevAnchorProof {
  const timestamp = `${SIGNED_AT.toISOString().slice(0, 19)}Z`;
  const signature = sign(null, Buffer.from(localDevStatement(rootHex, timestamp), 'utf8'), TEST_KEY);
  const spki = createPublicKey(TEST_KEY).export({ format: 'der', type: 'spki' });
  return {
    kind: 'local-dev',
    network: 'local-dev',
    operationHash: `local-dev-${sha256(signature).slice(0, 32)}`,
    timestamp,
    algorithm: 'Ed25519',
    publicKey: spki.subarray(spki.length - 32).toString('hex'),
    signature: signature.toString('hex'),
    notice: { ...LOCAL_DEV_NOTICE },
  };
}

async function build() {
  const audit = journal();
  const committed = 4; // the anchoring request's own event comes after the committed head
  const record = metadataRecord(FOLDER, DOCUMENTS, { head: audit[committed - 1].folderHash, events: committed });
  const ordered = canonicalFileOrder(DOCUMENTS);
  const folderRoot = folderTree(
    ordered.map((d) => d.sha256),
    record,
  ).rootHex;
  const others = ['11'.repeat(32), 'ee'.repeat(32)];
  const folders = canonicalFolderOrder([{ id: FOLDER.id, root: folderRoot }, ...others.map((root, i) => ({ id: `fld_other_${i}`, root }))]);
  const batchTree = MerkleTree.build(folders.map((f) => f.root));
  const anchor = localDevAnchor(batchTree.rootHex);
  const bundle = await buildProofBundle({
    folder: FOLDER,
    files: DOCUMENTS.map((d) => ({ ...d, open: () => d.bytes })),
    metadata: record,
    audit,
    anchor,
    batch: { root: batchTree.rootHex, folderPath: batchTree.proof(folders.findIndex((f) => f.id === FOLDER.id)) },
    folderRoot,
    generatedAt: anchor.timestamp,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of bundle.stream()) chunks.push(Buffer.from(chunk as Uint8Array));
  const expected = {
    description: 'Expected values for bundle.zip; rules in docs/proof-format.md. Hex is lower-case.',
    documents: ordered.map((d) => ({
      path: bundle.certificate.files.find((f) => f.sha256 === d.sha256)?.path,
      sha256: d.sha256,
      leaf: leafHash(Buffer.from(d.sha256, 'hex')).toString('hex'),
    })),
    metadata: { sha256: metadataSha256(record), leaf: metadataLeafHash(metadataSha256(record)).toString('hex') },
    folderRoot,
    audit: {
      genesis: folderGenesisHash(FOLDER.id),
      folderHashes: audit.map((e) => e.folderHash),
      committedEvents: committed,
      head: record.audit.head,
    },
    batch: {
      leaves: folders.map((f) => ({ folderRoot: f.root, leaf: leafHash(Buffer.from(f.root, 'hex')).toString('hex') })),
      root: batchTree.rootHex,
    },
    localDev: {
      publicKey: anchor.publicKey,
      message: `LeCoffre local-dev anchor v1\nroot: ${batchTree.rootHex}\ntime: ${anchor.timestamp}\n`,
      signature: anchor.signature,
    },
  };
  return { zip: Buffer.concat(chunks), expected: `${JSON.stringify(expected, null, 2)}\n` };
}

const { zip, expected } = await build();
if (process.argv.includes('--check')) {
  const same =
    (await readFile(new URL('bundle.zip', OUT))).equals(zip) && (await readFile(new URL('expected.json', OUT), 'utf8')) === expected;
  if (!same) {
    console.error('docs/proof-vectors/ is stale: run npm run proof-vectors');
    process.exitCode = 1;
  }
} else {
  await writeFile(new URL('bundle.zip', OUT), zip);
  await writeFile(new URL('expected.json', OUT), expected);
  console.log(`docs/proof-vectors/: bundle.zip (${zip.length} bytes), expected.json`);
}
