/**
 * A Blob whose stream hands its bytes over in pieces of chosen sizes, for the tests of the file
 * reader (a browser's pieces are larger and come as they come).
 */
export interface PiecesOptions {
  /** Sizes of the pieces, in turn (one size: every piece). */
  sizes: number | readonly number[];
  /** After the last byte: the stream closes (default), or the read that would say so never settles. */
  end?: 'close' | 'never';
  /** A byte stream (read into the reader's own buffer, as a browser's Blob is) instead of a plain one. */
  bytes?: boolean;
  /** Pieces made only when the reader asks (nothing read ahead by the stream). */
  noReadAhead?: boolean;
  /** Told of each piece handed out. */
  onPiece?: (piece: Uint8Array) => void;
  /** Its slices are PiecesBlobs with the same options (else plain Blobs). */
  slicesToo?: boolean;
}

export class PiecesBlob extends Blob {
  /** How many times the stream was asked for bytes (pulled). */
  reads = 0;

  constructor(
    parts: BlobPart[],
    private readonly options: PiecesOptions,
  ) {
    super(parts);
  }

  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    return this.options.slicesToo ? new PiecesBlob([part], this.options) : part;
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const { sizes, end = 'close', bytes = false, noReadAhead = false, onPiece } = this.options;
    const sizeOf = (k: number) => (typeof sizes === 'number' ? sizes : sizes[k % sizes.length]!);
    const whole = this.arrayBuffer().then((b) => new Uint8Array(b));
    let at = 0;
    let k = 0;
    const pull = async (controller: ReadableStreamDefaultController | ReadableByteStreamController) => {
      this.reads += 1;
      const all = await whole;
      if (at >= all.length) {
        if (end === 'never') return new Promise<void>(() => undefined);
        return controller.close();
      }
      const piece = all.slice(at, at + sizeOf(k++));
      at += piece.length;
      onPiece?.(piece);
      controller.enqueue(piece);
    };
    const stream = bytes
      ? new ReadableStream({ type: 'bytes', pull })
      : new ReadableStream({ pull }, noReadAhead ? { highWaterMark: 0 } : undefined);
    return stream as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
}
