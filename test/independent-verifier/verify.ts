/**
 * A second verifier, written from docs/proof-format.md alone: node:crypto, a ZIP reader (fflate) and an
 * RFC 8785 library (canonicalize); nothing from proof/ or api/. If the document is incomplete or wrong, this
 * verifier and the reference one disagree on the committed vectors or on a bundle the app anchors.
 * Checks the local-dev anchor only (a Tezos anchor needs a node, out of this test's reach).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { unzipSync } from 'fflate';

export interface IndependentResult {
  /** Every check that failed, in words; empty when the bundle holds. */
  failures: string[];
  folderRoot: string;
  metadataSha256: string;
  auditHashes: string[];
  batchRoot: string;
}

type Json = Record<string, unknown>;
type Step = { side: string; hash: string };

const sha = (...parts: Array<Buffer | string>) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};
const hex = (bytes: Buffer) => bytes.toString('hex');
const fromHex = (text: string) => Buffer.from(text, 'hex');
const node = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);

function up(leaf: Buffer, path: Step[]): string {
  let current = leaf;
  for (const step of path) current = step.side === 'left' ? node(fromHex(step.hash), current) : node(current, fromHex(step.hash));
  return hex(current);
}

function root(leaves: Buffer[]): string {
  let level = leaves;
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(node(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return hex(level[0]);
}

export function verifyIndependently(zip: Uint8Array): IndependentResult {
  const failures: string[] = [];
  const entries = Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name.normalize('NFC'), Buffer.from(bytes)]));
  const cert = JSON.parse(entries['certificate.json'].toString('utf8')) as Json;
  if (cert.formatVersion !== 2) failures.push('formatVersion is not 2');
  const folder = cert.folder as Json;
  const files = cert.files as Json[];
  const audit = cert.audit as Json;
  const metadata = cert.metadata as Json;
  const batch = cert.batch as Json;

  // Documents: bytes -> SHA-256 -> file leaf -> folder root.
  const fileLeaves = files.map((file, i) => {
    const bytes = entries[String(file.path).normalize('NFC')];
    if (!bytes) failures.push(`document missing: ${file.path}`);
    else if (hex(sha(bytes)) !== file.sha256) failures.push(`document modified: ${file.path}`);
    const leaf = sha(Buffer.from([0]), fromHex(String(file.sha256)));
    if (up(leaf, file.merklePath as Step[]) !== folder.root) failures.push(`files[${i}] path does not reach folder.root`);
    return leaf;
  });
  const documents = Object.keys(entries).filter((name) => name.startsWith('Documents du client/') && !name.endsWith('/'));
  if (documents.length !== files.length) failures.push('the ZIP holds documents the certificate does not list');

  // Metadata record rebuilt from the certificate, RFC 8785, SHA-256, leaf 0x02.
  const record = {
    format: 'lecoffre-proof-metadata',
    formatVersion: 2,
    folder: {
      id: folder.id,
      number: folder.number,
      title: folder.title,
      office: folder.office,
      crpcen: folder.crpcen,
      notary: folder.notary,
      deedType: folder.deedType,
      depositors: folder.depositors,
    },
    files: files.map((f) => ({
      client: f.client,
      documentType: f.documentType,
      name: f.name,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: f.uploadedAt,
      validatedAt: f.validatedAt,
      validatedBy: f.validatedBy,
    })),
    audit: { events: audit.events, head: audit.head },
  };
  const canonical = canonicalize(record) ?? '';
  const metadataSha256 = hex(sha(Buffer.from(canonical, 'utf8')));
  if (metadataSha256 !== metadata.sha256) failures.push('the displayed fields do not hash to metadata.sha256');
  if (entries['metadata.json']?.toString('utf8') !== canonical) failures.push('metadata.json is not the canonical record');
  const metadataLeaf = sha(Buffer.from([2]), fromHex(metadataSha256));
  if (up(metadataLeaf, metadata.merklePath as Step[]) !== folder.root) failures.push('the metadata leaf does not reach folder.root');
  const folderRoot = root([...fileLeaves, metadataLeaf]);
  if (folderRoot !== folder.root) failures.push('the leaves do not rebuild folder.root');

  // Audit chain from the folder's genesis; event n's hash is the committed head.
  const journal = JSON.parse(entries['journal-d-audit.json'].toString('utf8')) as Json[];
  let previous = hex(sha(Buffer.from(`lecoffre-folder-audit-genesis:${folder.id}`, 'utf8')));
  const auditHashes: string[] = [];
  for (const [i, event] of journal.entries()) {
    const { prevHash: _p, hash: _h, folderPrevHash, folderHash, ...body } = event;
    const computed = hex(sha(Buffer.from(previous, 'ascii'), Buffer.from(canonicalize(body) ?? '', 'utf8')));
    if (folderPrevHash !== previous || folderHash !== computed) failures.push(`audit event ${i} does not chain`);
    auditHashes.push(computed);
    previous = computed;
  }
  const count = Number(audit.events);
  if ((count === 0 ? undefined : auditHashes[count - 1]) !== audit.head) failures.push('the journal does not reach audit.head');

  // Batch, then the local-dev signature over the exact statement.
  const batchRoot = up(sha(Buffer.from([0]), fromHex(String(folder.root))), batch.path as Step[]);
  if (batchRoot !== batch.root) failures.push('folder.root does not reach batch.root');
  const anchor = (cert.anchors as Json).chain as Json;
  if (anchor.kind !== 'local-dev') failures.push(`anchor kind ${anchor.kind} not checked here`);
  else {
    const message = Buffer.from(`LeCoffre local-dev anchor v1\nroot: ${batch.root}\ntime: ${anchor.timestamp}\n`, 'utf8');
    // An Ed25519 public key as SPKI DER: the fixed 12-byte prefix, then the 32 raw bytes.
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), fromHex(String(anchor.publicKey))]),
      format: 'der',
      type: 'spki',
    });
    if (!verify(null, message, key, fromHex(String(anchor.signature)))) failures.push('the local-dev signature does not hold');
  }
  return { failures, folderRoot, metadataSha256, auditHashes, batchRoot };
}
