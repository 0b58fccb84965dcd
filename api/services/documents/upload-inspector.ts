import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { ACCEPTED_FILE_TYPES, type AcceptedFileType } from '../../domain/file-types.js';
import { UploadRejected } from './upload-rejected.js';

export { ACCEPTED_FILE_TYPES, type AcceptedFileType };

/** file-type's own "reasonable detection size": every signature we accept sits well inside it. */
const SNIFF_BYTES = 4100;
/** Where a browser that ignored our Content-Type and sniffed would find HTML. */
const POLYGLOT_WINDOW = 1024;
/**
 * Only tags of 4+ letters followed by a tag end: short ones (`<p>`, `<a `) turn up by chance in compressed
 * binary often enough to refuse real scans. XMP metadata in JPEGs and PDFs (`<x:xmpmeta`, `<rdf:RDF`,
 * `<?xpacket`) must pass.
 */
const HTML_MARKUP = /<(?:!doctype\s+html|html|head|body|script|iframe|frameset|svg|object|embed|meta|style|title|link)[\s>/]/i;

/**
 * Watches the plaintext go by, once: counts bytes (refusing the first byte past `maxBytes`), hashes
 * them, and decides the type from the first bytes. It passes chunks straight through, so the store
 * receives them as they come; every refusal is an error of this stream, which fails the whole pipeline
 * (and so the blob write) at once. The last checks (empty, hash) happen when the input ends, before the
 * stream ends: a blob write that completed has passed them all.
 */
export class UploadInspector extends Transform {
  size = 0;
  detectedType: AcceptedFileType | undefined;
  /** Hex SHA-256 of the whole input; set once the input has ended. */
  sha256: string | undefined;
  /** Why the upload was refused, if it was: the error that every other stream of the pipeline saw. */
  rejection: UploadRejected | undefined;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly expectedSha256: string | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(this.reject(tooLarge(this.maxBytes)));
      return;
    }
    this.hash.update(chunk);
    if (this.detectedType === undefined) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) {
        this.detect().then(
          () => callback(null, chunk),
          (error: Error) => callback(error),
        );
        return;
      }
    }
    // Only the type detection waits: no promise for the other chunks.
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.finish().then(
      () => callback(),
      (error: Error) => callback(error),
    );
  }

  private async finish(): Promise<void> {
    if (this.size === 0) throw this.reject(new UploadRejected(422, 'empty_file', 'The file is empty.'));
    if (this.detectedType === undefined) await this.detect();
    this.sha256 = this.hash.digest('hex');
    if (this.expectedSha256 !== undefined && this.expectedSha256 !== this.sha256) {
      throw this.reject(
        new UploadRejected(
          422,
          'checksum_mismatch',
          `The file received has SHA-256 ${this.sha256}, not the ${this.expectedSha256} announced: it was altered or cut in transit. Send it again.`,
        ),
      );
    }
  }

  private async detect(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    if (HTML_MARKUP.test(head.subarray(0, POLYGLOT_WINDOW).toString('latin1')) || head[0] === 0x3c /* '<' */) {
      throw this.reject(unsupported('The file contains HTML markup: only PDF, PNG and JPEG documents are accepted.'));
    }
    const type = await fileTypeFromBuffer(head);
    const accepted = ACCEPTED_FILE_TYPES.find((mime) => mime === type?.mime);
    if (!accepted) {
      const found = type ? ` (it is ${type.mime})` : '';
      throw this.reject(unsupported(`Only PDF, PNG and JPEG documents are accepted${found}, whatever the file name says.`));
    }
    this.detectedType = accepted;
  }

  private reject(error: UploadRejected): UploadRejected {
    this.rejection ??= error;
    return error;
  }
}

const tooLarge = (maxBytes: number) =>
  new UploadRejected(413, 'file_too_large', `The file is larger than the limit of ${maxBytes} bytes (${formatMegabytes(maxBytes)}).`);

const unsupported = (message: string) => new UploadRejected(415, 'unsupported_file_type', message);

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
}
