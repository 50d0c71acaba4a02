/**
 * A MIFARE Classic 1K/4K card as an ACR122U-class reader presents it (PC/SC
 * part 3): a 4-byte UID (FF CA), keys loaded into the reader (FF 82) and a
 * sector authenticated with key A or B (FF 86) before its 16-byte blocks
 * are read (FF B0, Le 16) or written (FF D6, Lc 16). Memory is a raw dump
 * (1024 or 4096 bytes, as `.mfd` tools write it): block 0 the manufacturer
 * block, the last block of each sector its trailer (key A, access bits, key
 * B). A trailer reads with key A hidden as zeros, like a real card; writes
 * to trailers are counted so tests can prove nobody makes them.
 */
import { SW } from './storage-tag.js';

export const CLASSIC_1K_BYTES = 1024;
export const CLASSIC_4K_BYTES = 4096;
export const TRANSPORT_KEY = Buffer.from('FFFFFFFFFFFF', 'hex');
/** Factory access bits: keys A and B may read and write every data block. */
const TRANSPORT_ACCESS = Buffer.from('FF078069', 'hex');
const BLOCK = 16;

/** Sectors 0-31 have 4 blocks, 32-39 (4K only) 16. */
export function sectorOf(block: number): { sector: number; first: number; trailer: number } {
  if (block < 128) {
    const sector = Math.floor(block / 4);
    return { sector, first: sector * 4, trailer: sector * 4 + 3 };
  }
  const sector = 32 + Math.floor((block - 128) / 16);
  const first = 128 + (sector - 32) * 16;
  return { sector, first, trailer: first + 15 };
}

export const isTrailer = (block: number) => sectorOf(block).trailer === block;

/** A factory-fresh dump: `uid` in block 0, transport keys and access bits in every trailer. */
export function blankClassic(uid: Buffer, bytes: number, key: Buffer = TRANSPORT_KEY): Buffer {
  const dump = Buffer.alloc(bytes);
  uid.copy(dump, 0);
  dump[4] = uid[0]! ^ uid[1]! ^ uid[2]! ^ uid[3]!;
  dump[5] = bytes === CLASSIC_4K_BYTES ? 0x18 : 0x08; // SAK
  dump.set(bytes === CLASSIC_4K_BYTES ? [0x02, 0x00] : [0x04, 0x00], 6); // ATQA
  for (let block = 0; block < bytes / BLOCK; block++) {
    if (!isTrailer(block)) continue;
    key.copy(dump, block * BLOCK);
    TRANSPORT_ACCESS.copy(dump, block * BLOCK + 6);
    key.copy(dump, block * BLOCK + 10);
  }
  return dump;
}

const sw = (word: number, data: Buffer = Buffer.alloc(0)) => Buffer.concat([data, Buffer.of(word >> 8, word & 0xff)]);
const FAILED = 0x6300;

export class ClassicTag {
  private readonly keys = new Map<number, Buffer>();
  private authenticated: number | undefined;
  trailerWrites = 0;

  constructor(readonly dump: Buffer) {}

  get uid(): Buffer {
    return this.dump.subarray(0, 4);
  }

  private get blocks(): number {
    return this.dump.length / BLOCK;
  }

  handle(apdu: Buffer): { response: Buffer; written?: { offset: number; length: number } } {
    if (apdu.length < 4) return { response: sw(SW.WRONG_LENGTH) };
    const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
    if (cla !== 0xff) return { response: sw(SW.CLA_NOT_SUPPORTED) };
    if (ins === 0xca) return { response: p1 === 0 ? sw(SW.OK, this.uid) : sw(SW.FUNCTION_NOT_SUPPORTED) };
    if (ins === 0x82) {
      // LOAD KEYS: P2 key number, 6 key bytes.
      if (apdu[4] !== 6 || apdu.length < 11 || p2 > 1) return { response: sw(SW.WRONG_LENGTH) };
      this.keys.set(p2, Buffer.from(apdu.subarray(5, 11)));
      return { response: sw(SW.OK) };
    }
    if (ins === 0x86) return { response: this.authenticate(apdu) };
    if (ins === 0xb0) return { response: this.read(p2, apdu[4] ?? 0) };
    if (ins === 0xd6) return this.write(p2, apdu);
    return { response: sw(SW.INS_NOT_SUPPORTED) };
  }

  /** FF 86 00 00 05 | 01 00 block keyType(60 A / 61 B) keyNumber. */
  private authenticate(apdu: Buffer): Buffer {
    if (apdu[4] !== 5 || apdu.length < 10 || apdu[5] !== 0x01) return sw(SW.WRONG_LENGTH);
    const block = apdu[7]!;
    const key = this.keys.get(apdu[9]!);
    this.authenticated = undefined;
    if (block >= this.blocks || !key || (apdu[8] !== 0x60 && apdu[8] !== 0x61)) return sw(FAILED);
    const trailer = sectorOf(block).trailer * BLOCK;
    const stored = this.dump.subarray(trailer + (apdu[8] === 0x60 ? 0 : 10), trailer + (apdu[8] === 0x60 ? 6 : 16));
    if (!stored.equals(key)) return sw(FAILED);
    this.authenticated = sectorOf(block).sector;
    return sw(SW.OK);
  }

  private allowed(block: number): boolean {
    return block < this.blocks && this.authenticated === sectorOf(block).sector;
  }

  private read(block: number, length: number): Buffer {
    // An ACR122U reads one 16-byte block per command from a MIFARE Classic card.
    if (length !== BLOCK || !this.allowed(block)) return sw(FAILED);
    const data = Buffer.from(this.dump.subarray(block * BLOCK, (block + 1) * BLOCK));
    if (isTrailer(block)) data.fill(0, 0, 6);
    return sw(SW.OK, data);
  }

  private write(block: number, apdu: Buffer): { response: Buffer; written?: { offset: number; length: number } } {
    const data = apdu.subarray(5, 5 + (apdu[4] ?? 0));
    if (apdu[4] !== BLOCK || data.length !== BLOCK) return { response: sw(FAILED) };
    if (block === 0 || !this.allowed(block)) return { response: sw(FAILED) };
    if (isTrailer(block)) this.trailerWrites++;
    data.copy(this.dump, block * BLOCK);
    return { response: sw(SW.OK), written: { offset: block * BLOCK, length: BLOCK } };
  }
}
