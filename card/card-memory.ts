/**
 * The byte-level view of a card that the slot framing works on. Drivers
 * expose only the card's user memory through it (offset 0 is the first user
 * byte), so manufacturer blocks such as an NTAG UID are out of reach of
 * the framing and can never be overwritten by it.
 */

export interface CardMemory {
  /** User memory size in bytes. */
  readonly capacity: number;
  /** Reads `length` bytes at `offset`; one call should cost as few round trips to the card as the driver allows. */
  read(offset: number, length: number): Promise<Buffer>;
  /** Writes `data` at `offset`, lowest address first (the framing relies on that order for torn writes). */
  write(offset: number, data: Buffer): Promise<void>;
  /** Forgets bytes a driver fetched ahead (the pcsc driver reads the headers while identifying the card). */
  release?(): void;
}

/** Throws a RangeError for an access outside user memory: that is a bug in the caller, not a card problem. */
export function checkRange(capacity: number, offset: number, length: number): void {
  if (
    !Number.isInteger(offset) ||
    !Number.isInteger(length) ||
    offset < 0 ||
    length < 0 ||
    offset + length > capacity
  ) {
    throw new RangeError(`card memory access ${offset}+${length} is outside 0..${capacity}`);
  }
}

/** Card memory held in a Buffer: for tests and for emulators that keep the card in RAM. */
export class BufferCardMemory implements CardMemory {
  readonly bytes: Buffer;

  constructor(capacityOrBytes: number | Buffer) {
    this.bytes = typeof capacityOrBytes === 'number' ? Buffer.alloc(capacityOrBytes) : capacityOrBytes;
  }

  get capacity(): number {
    return this.bytes.length;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    checkRange(this.capacity, offset, length);
    return Buffer.from(this.bytes.subarray(offset, offset + length));
  }

  async write(offset: number, data: Buffer): Promise<void> {
    checkRange(this.capacity, offset, data.length);
    data.copy(this.bytes, offset);
  }
}
