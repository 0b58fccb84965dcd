/**
 * Bytes received in arbitrary chunks, taken out in exact sizes: the segment boundaries of the stored
 * format, and the aligned blocks of a direct write, must not depend on how the network or the disk
 * happened to chunk the stream.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.length;
  }

  /**
   * Removes the first `n` bytes (n <= length) and returns them as the pieces of the chunks they were
   * received in, in order: no copy, for a consumer that can take its input in parts (a cipher).
   */
  takePieces(n: number): Buffer[] {
    if (n > this.total) throw new RangeError(`takePieces(${n}) with only ${this.total} bytes queued`);
    this.total -= n;
    const pieces: Buffer[] = [];
    let wanted = n;
    while (wanted > 0) {
      const chunk = this.chunks[0] as Buffer;
      if (chunk.length <= wanted) {
        pieces.push(chunk);
        wanted -= chunk.length;
        this.chunks.shift();
      } else {
        pieces.push(chunk.subarray(0, wanted));
        this.chunks[0] = chunk.subarray(wanted);
        wanted = 0;
      }
    }
    return pieces;
  }

  /** Removes and returns the first `n` bytes (n <= length); copies only when they span chunks. */
  take(n: number): Buffer {
    const pieces = this.takePieces(n);
    return pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, n);
  }
}
