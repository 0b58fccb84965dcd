/**
 * Test fixture (imported by tests only): an anchored folder with generated documents, in a batch with other
 * folders, ready for buildProofBundle. The batch and folder roots are computed the way the batching job must
 * compute them (canonical orders from api/domain/merkle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MetadataRecord } from '@lecoffre/proof';
import { type ChainedEvent, chainHash, folderGenesisHash } from '../../domain/audit-chain.js';
import { canonicalFileOrder, canonicalFolderOrder, MerkleTree } from '../../domain/merkle.js';
import type { Anchor, FinalisedAnchor } from '../../ports/anchor.js';
import type { ProofBundleFile, ProofBundleInput } from './build-proof-bundle.js';
import { type FolderFacts, folderTree, metadataRecord } from './certified-facts.js';

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

export const FIXTURE_FOLDER: FolderFacts = {
  id: 'fld_target',
  number: '2024-0042',
  title: 'Succession Dupont',
  officeName: 'SELAS AP NOTAIRES',
  crpcen: '75123',
  notaryName: 'Maître Anne Pérez',
  deedTypeLabel: 'Succession',
};

type JournalEvent = ChainedEvent & { prevHash: string; hash: string; folderPrevHash: string; folderHash: string };

/** A folder journal chained as recordAuditEvent chains it (the office chain starting at this folder). */
export function fixtureJournal(folderId: string, count = 3): JournalEvent[] {
  const events: JournalEvent[] = [];
  let prev = folderGenesisHash(folderId);
  let officePrev = '0'.repeat(64);
  for (let i = 0; i < count; i++) {
    const event: ChainedEvent = {
      id: `evt_${String(i + 1).padStart(2, '0')}`,
      officeId: 'off_1',
      folderId,
      actorKind: 'member',
      actorId: 'mem_1',
      credentialId: null,
      ip: '192.0.2.10',
      action: i === 0 ? 'folder.created' : 'file.validated',
      subjectType: i === 0 ? 'folder' : 'file',
      subjectId: i === 0 ? folderId : `fil_0${i}`,
      data: i === 0 ? { number: FIXTURE_FOLDER.number, title: FIXTURE_FOLDER.title } : { status: 'validated' },
      occurredAt: new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString(),
    };
    const hash = chainHash(prev, event);
    const officeHash = chainHash(officePrev, event);
    events.push({ ...event, prevHash: officePrev, hash: officeHash, folderPrevHash: prev, folderHash: hash });
    prev = hash;
    officePrev = officeHash;
  }
  return events;
}

/** The record a folder of these files commits, with its journal's first `committed` events. */
export function fixtureMetadata(
  files: readonly FixtureFile[],
  journal: readonly JournalEvent[],
  committed = journal.length,
): MetadataRecord {
  const head = committed === 0 ? folderGenesisHash(FIXTURE_FOLDER.id) : journal[committed - 1].folderHash;
  return metadataRecord(
    FIXTURE_FOLDER,
    files.map((f, index) => ({
      id: f.id,
      sha256: sha256Hex(f.bytes),
      clientName: f.clientName,
      documentTypeLabel: f.documentTypeLabel,
      fileName: f.fileName,
      mediaType: 'application/pdf',
      size: f.bytes.length,
      uploadedAt: new Date(Date.UTC(2026, 2, 2, 9, index)).toISOString(),
      validatedAt: new Date(Date.UTC(2026, 2, 3, 14, index)).toISOString(),
      validatedBy: 'Anne Pérez',
    })),
    { head, events: committed },
  );
}

/**
 * The roots the batching job would record: this folder's (its files and, unless `legacy`, its metadata
 * record), and a batch of it with `otherFolders` others. The journal holds one event after the committed
 * head, as the anchoring request itself adds one.
 */
export function fixtureBatch(files: readonly FixtureFile[], otherFolders = 4, options: { legacy?: boolean } = {}) {
  const ordered = canonicalFileOrder(files.map((f) => ({ id: f.id, sha256: sha256Hex(f.bytes) }))).map((f) => f.sha256);
  const audit = fixtureJournal(FIXTURE_FOLDER.id, 4);
  const metadata = options.legacy ? null : fixtureMetadata(files, audit, 3);
  const folderRoot = metadata ? folderTree(ordered, metadata).rootHex : MerkleTree.build(ordered).rootHex;
  const folders = canonicalFolderOrder([
    { id: 'fld_target', root: folderRoot },
    ...Array.from({ length: otherFolders }, (_, i) => ({ id: `fld_other_${i}`, root: randomBytes(32).toString('hex') })),
  ]);
  const tree = MerkleTree.build(folders.map((f) => f.root));
  const index = folders.findIndex((f) => f.id === 'fld_target');
  return { folderRoot, metadata, audit, batch: { root: tree.rootHex, folderPath: tree.proof(index) } };
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
    folder: FIXTURE_FOLDER,
    files: bundleFiles,
    metadata: roots.metadata,
    audit: roots.audit,
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
