import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type AnyCertificate, BUNDLE_PATHS, canonicalMetadata, TIMESTAMP_FILE } from '@lecoffre/proof';
import { Zip, ZipDeflate, type ZipInputFile, ZipPassThrough } from 'fflate';
import { buildCertificate, type CertificateFileInput, type CertificateInput } from './build-certificate.js';

export type FileContent = Readable | AsyncIterable<Uint8Array> | Uint8Array;

export interface ProofBundleFile extends CertificateFileInput {
  /** The decrypted bytes; called once, when the ZIP reaches this file (never two files open at a time). */
  open(): FileContent | Promise<FileContent>;
}

export interface ProofBundleInput extends CertificateInput {
  files: readonly ProofBundleFile[];
  /**
   * The folder's audit trail, written as journal-d-audit.json (in the order given): in format version 2 the
   * folder's chained events (each with folderPrevHash and folderHash), of which the first metadata.audit.events
   * lead to the committed head.
   */
  audit: readonly unknown[];
  /** Shown on the PDF as "Partenaire technique". */
  technicalPartner?: string;
  /** The office's time zone, for the times the PDF certificate shows. */
  timeZone?: string;
}

export interface ProofBundle {
  certificate: AnyCertificate;
  /** A suggested download name, e.g. `preuve-2024-0042.zip` (ASCII, for Content-Disposition). */
  fileName: string;
  /** The ZIP. Each call starts a new, identical stream; it fails if a file's bytes do not match its SHA-256. */
  stream(): Readable;
}

/**
 * The proof bundle of one anchored folder (GET /v1/folders/{id}/proof): a ZIP with certificate.json,
 * "Certificat de dépôt.pdf", journal-d-audit.json, metadata.json (format version 2: the committed record's
 * exact bytes, so a verifier names the displayed field that was edited) and
 * `Documents du client/<client>/<type>/<file>`.
 *
 * Deterministic: the same input gives the same bytes. Entries are in a fixed order (the three fixed files,
 * then documents by path), every entry's time is `generatedAt`, PDF metadata is fixed. Pass the anchor's
 * final time as `generatedAt` so that a bundle downloaded twice is byte-identical.
 *
 * Memory: the certificate, PDF and audit journal are built up front (small; and any inconsistency throws
 * before a byte is sent). Documents are stored (no compression: PDF/JPEG/PNG are compressed already) and
 * streamed one at a time, chunk by chunk, with back-pressure from the consumer: peak memory is one chunk of
 * one document plus fflate's small per-entry records. No ZIP64: each document must stay under 4 GiB.
 * Each document is re-hashed as it streams; a mismatch (a corrupt blob) aborts the stream with an error
 * rather than deliver a bundle that would not verify.
 */
export async function buildProofBundle(input: ProofBundleInput): Promise<ProofBundle> {
  const { certificate, ordered } = buildCertificate(input);
  // pdf-lib is loaded on the first bundle, not at start: a process may serve for hours without building one.
  const { renderCertificatePdf } = await import('./certificate-pdf.js');
  const pdf = await renderCertificatePdf(certificate, {
    technicalPartner: input.technicalPartner ?? 'LeCoffre',
    timeZone: input.timeZone,
  });
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const fixed: BundleEntry[] = [
    { path: BUNDLE_PATHS.certificate, compress: true, content: () => json(certificate) },
    { path: BUNDLE_PATHS.pdf, compress: false, content: () => pdf },
    { path: BUNDLE_PATHS.audit, compress: true, content: () => json(input.audit) },
    ...timestampEntry(input.timestamp?.token),
  ];
  const { metadata } = input;
  if (metadata) fixed.push({ path: BUNDLE_PATHS.metadata, compress: true, content: () => canonicalMetadata(metadata) });
  const documents: BundleEntry[] = ordered
    .map((file, index) => ({
      path: certificate.files[index].path,
      compress: false,
      content: () => file.open(),
      sha256: certificate.files[index].sha256,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries = [...fixed, ...documents];
  const mtime = dosTime(new Date(input.generatedAt));
  return {
    certificate,
    fileName: `preuve-${asciiName(certificate.folder.number) || certificate.folder.id}.zip`,
    stream: () => Readable.from(zipChunks(entries, mtime), { objectMode: false, highWaterMark: 64 * 1024 }),
  };
}

/** The RFC 3161 answer, as the TSA sent it, at the ZIP's root (docs/proof-format.md). */
function timestampEntry(token: Uint8Array | undefined): BundleEntry[] {
  return token ? [{ path: TIMESTAMP_FILE, compress: false, content: () => token }] : [];
}

interface BundleEntry {
  path: string;
  compress: boolean;
  content: () => FileContent | Promise<FileContent>;
  /** When set, the streamed bytes must hash to it. */
  sha256?: string;
}

/** Runs fflate's streaming Zip one entry at a time, yielding its output as it comes. */
async function* zipChunks(entries: readonly BundleEntry[], mtime: Date): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length) yield ready.shift() as Uint8Array;
  }
  for (const entry of entries) {
    const file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = entry.compress
      ? new ZipDeflate(entry.path, { level: 6 })
      : new ZipPassThrough(entry.path);
    file.mtime = mtime;
    zip.add(file);
    const hash = entry.sha256 ? createHash('sha256') : null;
    for await (const chunk of chunksOf(await entry.content())) {
      hash?.update(chunk);
      file.push(chunk);
      yield* drain();
    }
    if (hash && hash.digest('hex') !== entry.sha256) {
      throw new Error(`The stored bytes of "${entry.path}" do not match their validated SHA-256 ${entry.sha256}: bundle aborted.`);
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

async function* chunksOf(content: FileContent): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  for await (const chunk of content) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
}

/**
 * ZIP stores local "DOS" time and fflate reads it with the local-time getters: build a Date whose local
 * fields are `at`'s UTC fields, so the bytes do not depend on the server's time zone.
 */
function dosTime(at: Date): Date {
  const utc = Number.isNaN(at.getTime()) ? new Date(Date.UTC(1980, 0, 1)) : at;
  const year = Math.min(Math.max(utc.getUTCFullYear(), 1980), 2099);
  return new Date(year, utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
