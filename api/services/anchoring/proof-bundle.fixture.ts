/**
 * Test fixture (imported by tests only): an anchored folder with generated documents, in a batch with other
 * folders, ready for buildProofBundle. The batch and folder roots are computed the way the batching job must
 * compute them (canonical orders from api/domain/merkle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { canonicalFileOrder, canonicalFolderOrder, MerkleTree } from '../../domain/merkle.js';
import type { Anchor, FinalisedAnchor } from '../../ports/anchor.js';
import type { ProofBundleFile, ProofBundleInput } from './build-proof-bundle.js';

export interface FixtureFile {
  id: string;
  clientName: string;
  documentTypeLabel: string;
  fileName: string;
  bytes: Buffer;
}

export function fixtureFiles(): FixtureFile[] {
  const file = (id: string, clientName: string, documentTypeLabel: string, fileName: string, size: number): FixtureFile => ({
    id,
    clientName,
    documentTypeLabel,
    fileName,
    bytes: Buffer.concat([Buffer.from(`%PDF-1.7 ${id}\n`), randomBytes(size)]),
  });
  return [
    file('fil_01', 'Hélène Dupont', "Carte d'identité", 'cni-recto.pdf', 3000),
    file('fil_02', 'Hélène Dupont', "Carte d'identité", 'cni-verso.pdf', 2500),
    file('fil_03', 'Hélène Dupont', 'RIB', 'rib.pdf', 900),
    file('fil_04', 'Marc Dupont', 'Avis d’imposition', 'avis 2024.pdf', 150_000), // several stream chunks
    file('fil_05', 'Marc Dupont', 'Titre de propriété', 'titre.pdf', 1200),
  ];
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The roots the batching job would record: this folder's, and a batch of it with `otherFolders` others. */
export function fixtureBatch(files: readonly FixtureFile[], otherFolders = 4) {
  const folderRoot = MerkleTree.build(
    canonicalFileOrder(files.map((f) => ({ id: f.id, sha256: sha256Hex(f.bytes) }))).map((f) => f.sha256),
  ).rootHex;
  const folders = canonicalFolderOrder([
    { id: 'fld_target', root: folderRoot },
    ...Array.from({ length: otherFolders }, (_, i) => ({ id: `fld_other_${i}`, root: randomBytes(32).toString('hex') })),
  ]);
  const tree = MerkleTree.build(folders.map((f) => f.root));
  const index = folders.findIndex((f) => f.id === 'fld_target');
  return { folderRoot, batch: { root: tree.rootHex, folderPath: tree.proof(index) } };
}

/** Anchors `batchRoot` through `anchor` and returns the final record (the caller makes it final, e.g. bakes). */
export async function anchorRoot(anchor: Anchor, batchRoot: string, beforeConfirm: () => void = () => {}): Promise<FinalisedAnchor> {
  const prepared = await anchor.prepare(Buffer.from(batchRoot, 'hex'));
  await anchor.inject(prepared);
  beforeConfirm();
  const status = await anchor.confirm(prepared);
  if (status.state !== 'final') throw new Error(`fixture anchor not final: ${status.state}`);
  return status.anchor;
}

export function bundleInput(
  files: readonly FixtureFile[],
  anchor: FinalisedAnchor,
  roots: ReturnType<typeof fixtureBatch>,
): ProofBundleInput {
  const bundleFiles: ProofBundleFile[] = files.map((f) => ({
    id: f.id,
    clientName: f.clientName,
    documentTypeLabel: f.documentTypeLabel,
    fileName: f.fileName,
    sha256: sha256Hex(f.bytes),
    // A stream in 16 KiB chunks, as a blob store would give it.
    open: () => Readable.from(chunk(f.bytes, 16 * 1024)),
  }));
  return {
    folder: {
      id: 'fld_target',
      number: '2024-0042',
      title: 'Succession Dupont',
      officeName: 'SELAS AP NOTAIRES',
      notaryName: 'Maître Anne Pérez',
      deedTypeLabel: 'Succession',
    },
    files: bundleFiles,
    audit: [
      { at: '2026-03-01T10:00:00Z', type: 'folder.created', actor: 'mem_1' },
      { at: '2026-03-04T16:20:00Z', type: 'document.validated', fileId: 'fil_01' },
    ],
    anchor,
    batch: roots.batch,
    folderRoot: roots.folderRoot,
    generatedAt: anchor.timestamp,
  };
}

function* chunk(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const piece of stream) chunks.push(Buffer.from(piece as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}
