/**
 * An NTAG21x-like storage card as a PC/SC reader presents it (PC/SC part 3
 * storage-card commands), answering one APDU at a time over a page memory:
 * page 0-2 UID, check bytes and lock bytes (read only), page 3 the NFC Forum
 * capability container, user memory from page 4. Pure logic: the emulator
 * feeds it APDUs and persists the pages it reports as written.
 */

export const PAGE_BYTES = 4;
/** First page of user memory (after UID, lock bytes and capability container). */
export const USER_PAGE = 4;

/** Status words (ISO 7816-4 / PC/SC part 3). */
export const SW = {
  OK: 0x9000,
  END_OF_DATA: 0x6282,
  WRONG_LENGTH: 0x6700,
  NOT_ALLOWED: 0x6986,
  SECURITY: 0x6982,
  WRONG_PARAMS: 0x6b00,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

/**
 * What a PC/SC part 3 reader reports for a MIFARE Ultralight-family card
 * (NTAG21x included), e.g. an ACR122U: RID A0 00 00 03 06, standard 03
 * (ISO 14443 A part 3), card name 00 03, TCK 68.
 */
export const STORAGE_CARD_ATR = Buffer.from('3B8F8001804F0CA0000003060300030000000068', 'hex');

export interface TagLimits {
  /** Most bytes one READ BINARY returns: 16 (four pages, the NTAG READ command) on an ACR122U. */
  readonly maxReadBytes: number;
  /** Most bytes one UPDATE BINARY writes: 4 (one page, the NTAG WRITE command). */
  readonly maxWriteBytes: number;
  /** Most pages one NTAG FAST_READ returns through direct transmit (0: the reader does not pass it on). */
  readonly maxFastReadPages?: number;
}

/** An ACR122U: READ (4 pages) and WRITE (1 page) through FF B0 / FF D6, FAST_READ of up to 60 pages through FF 00. */
export const ACR122U_LIMITS: TagLimits = { maxReadBytes: 16, maxWriteBytes: 4, maxFastReadPages: 60 };

const sw = (word: number, data: Buffer = Buffer.alloc(0)) => Buffer.concat([data, Buffer.of(word >> 8, word & 0xff)]);

export class StorageTag {
  constructor(
    /** Every page, manufacturer block first; modified in place by writes. */
    readonly pages: Buffer,
    private readonly limits: TagLimits = ACR122U_LIMITS,
    /** A locked (read-only) card refuses every write. */
    private readonly readOnly = false,
  ) {}

  /** The 7-byte UID from pages 0-1 (skipping the check byte BCC0). */
  get uid(): Buffer {
    return Buffer.concat([this.pages.subarray(0, 3), this.pages.subarray(4, 8)]);
  }

  /**
   * Answers one command APDU. `written` says which byte range changed so the
   * caller can persist it before the answer leaves.
   */
  handle(apdu: Buffer): { response: Buffer; written?: { offset: number; length: number } } {
    if (apdu.length < 4) return { response: sw(SW.WRONG_LENGTH) };
    const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
    if (cla !== 0xff) return { response: sw(SW.CLA_NOT_SUPPORTED) };
    if (ins === 0xca) return { response: p1 === 0 ? sw(SW.OK, this.uid) : sw(SW.FUNCTION_NOT_SUPPORTED) };
    const page = (p1 << 8) | p2;
    if (ins === 0xb0) return { response: this.read(page, apdu.length > 4 ? apdu[4]! || 256 : 256) };
    if (ins === 0xd6) return this.write(page, apdu);
    if (ins === 0x00 && p1 === 0 && p2 === 0)
      return { response: this.directTransmit(apdu.subarray(5, 5 + (apdu[4] ?? 0))) };
    return { response: sw(SW.INS_NOT_SUPPORTED) };
  }

  /**
   * FF 00 00 00 Lc D4 42 <card command>: the ACR122U's PN532 InCommunicateThru.
   * Only NTAG FAST_READ (3A start end) is emulated: D5 43 00 and the pages,
   * or D5 43 01 when the card NAKs (pages past its end).
   */
  private directTransmit(frame: Buffer): Buffer {
    const limit = this.limits.maxFastReadPages ?? 0;
    if (limit === 0 || frame[0] !== 0xd4 || frame[1] !== 0x42) return sw(0x6300);
    if (frame[2] !== 0x3a || frame.length !== 5) return sw(SW.OK, Buffer.of(0xd5, 0x43, 0x01));
    const [start, end] = [frame[3]!, frame[4]!];
    if (end < start || end - start + 1 > limit) return sw(0x6300);
    if ((end + 1) * PAGE_BYTES > this.pages.length) return sw(SW.OK, Buffer.of(0xd5, 0x43, 0x01));
    return sw(
      SW.OK,
      Buffer.concat([Buffer.of(0xd5, 0x43, 0x00), this.pages.subarray(start * PAGE_BYTES, (end + 1) * PAGE_BYTES)]),
    );
  }

  private read(page: number, length: number): Buffer {
    const start = page * PAGE_BYTES;
    if (start >= this.pages.length) return sw(SW.WRONG_PARAMS);
    // 6C XX: "wrong Le, XX is what I can give", the standard way a reader states its limit.
    if (length > this.limits.maxReadBytes) return sw(0x6c00 | this.limits.maxReadBytes);
    const data = this.pages.subarray(start, Math.min(this.pages.length, start + length));
    return sw(data.length < length ? SW.END_OF_DATA : SW.OK, Buffer.from(data));
  }

  private write(page: number, apdu: Buffer): { response: Buffer; written?: { offset: number; length: number } } {
    const lc = apdu[4] ?? 0;
    const data = apdu.subarray(5, 5 + lc);
    if (lc === 0 || data.length !== lc || lc % PAGE_BYTES !== 0 || lc > this.limits.maxWriteBytes)
      return { response: sw(SW.WRONG_LENGTH) };
    const offset = page * PAGE_BYTES;
    if (offset + lc > this.pages.length) return { response: sw(SW.WRONG_PARAMS) };
    if (this.readOnly || page < USER_PAGE) return { response: sw(SW.SECURITY) };
    data.copy(this.pages, offset);
    return { response: sw(SW.OK), written: { offset, length: lc } };
  }
}
