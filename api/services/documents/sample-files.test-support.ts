/**
 * Files for the documents tests: real small PDF/PNG/JPEG, and large "PDF" streams generated on the fly
 * (never held in memory) whose SHA-256 is known once they have been read.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** A 1×1 JPEG (JFIF). */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** A real one-page PDF, like a scanned tax notice (small). */
export async function samplePdf(text = "Avis d'impôt 2024"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text.replace(/[^\x20-\x7e]/g, '?'), { x: 50, y: 780, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export interface GeneratedFile {
  stream: Readable;
  /** Hex SHA-256 of every byte the stream produced; complete once the stream has been read to its end. */
  sha256(): string;
  /** Bytes produced so far. */
  produced(): number;
}

/**
 * `size` bytes starting with a PDF header, then a pseudo-random keystream (AES-CTR: fast, incompressible,
 * different per `seed`). Produced on demand, 64 KiB at a time: a test holding it in memory would show.
 */
export function generatedPdf(size: number, seed = 1, chunkSize = 64 * 1024): GeneratedFile {
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const key = createHash('sha256').update(`seed ${seed}`).digest().subarray(0, 16);
  const keystream = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(chunkSize);
  const hash = createHash('sha256');
  let produced = 0;
  let digest: string | undefined;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      if (produced >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(chunkSize, size - produced);
      let chunk = keystream.update(zeros.subarray(0, length));
      if (produced < header.length) {
        chunk = Buffer.from(chunk);
        header.copy(chunk, 0, produced, Math.min(header.length, produced + length));
      }
      hash.update(chunk);
      produced += length;
      this.push(chunk);
    },
  });
  return {
    stream,
    sha256() {
      if (produced < size) throw new Error('The stream has not been read to its end yet.');
      digest ??= hash.digest('hex');
      return digest;
    },
    produced: () => produced,
  };
}

/** Peak growth of the process's memory while `work` runs, sampled every 10 ms. */
export async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; rssBytes: number; arrayBuffersBytes: number }> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakArrayBuffers = base.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return { result, rssBytes: peakRss - base.rss, arrayBuffersBytes: peakArrayBuffers - base.arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}
