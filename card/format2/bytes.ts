/**
 * The byte-level primitives of the compact card format (format 2): unsigned
 * varints (7 bits a byte, low first, as protobuf writes them, for safe
 * integers only), length-prefixed UTF-8 text and raw bytes. A reader that
 * runs past its end or meets a varint above 2^53 throws MalformedPayload,
 * which the payload decoder turns into a card error.
 */

/** The card's bytes do not parse as the compact format (never thrown for a well-formed payload). */
export class MalformedPayload extends Error {
  override readonly name = 'MalformedPayload';
}

export class ByteWriter {
  private readonly parts: Buffer[] = [];
  private scratch: number[] = [];

  byte(value: number): this {
    this.scratch.push(value & 0xff);
    return this;
  }

  /** A non-negative safe integer. */
  varint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.scratch.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.scratch.push(rest);
    return this;
  }

  /** A signed 32-bit integer, zigzag-encoded (small magnitudes take one byte either side of zero). */
  int32(value: number): this {
    return this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  bytes(data: Uint8Array): this {
    this.flush();
    this.parts.push(Buffer.from(data));
    return this;
  }

  /** Length-prefixed UTF-8. */
  text(value: string): this {
    const data = Buffer.from(value, 'utf8');
    return this.varint(data.length).bytes(data);
  }

  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (this.scratch.length) this.parts.push(Buffer.from(this.scratch));
    this.scratch = [];
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly data: Buffer) {}

  /** Bytes read so far. */
  get position(): number {
    return this.at;
  }

  get done(): boolean {
    return this.at >= this.data.length;
  }

  byte(): number {
    if (this.at >= this.data.length) throw new MalformedPayload('the payload ends in the middle of a field');
    return this.data[this.at++]!;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) break;
        return value;
      }
      scale *= 0x80;
    }
    throw new MalformedPayload('a number on the card is out of range');
  }

  int32(): number {
    const zigzag = this.varint();
    const value = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    if (value < -0x80000000 || value > 0x7fffffff) throw new MalformedPayload('a 32-bit number is out of range');
    return value;
  }

  bytes(length: number): Buffer {
    if (length > this.data.length - this.at) throw new MalformedPayload('a field runs past the end of the payload');
    const out = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return Buffer.from(out);
  }

  text(): string {
    return this.bytes(this.varint()).toString('utf8');
  }
}
