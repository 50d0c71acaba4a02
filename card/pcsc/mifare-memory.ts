/**
 * A MIFARE Classic 1K/4K card's data blocks as CardMemory (user offset 0 is
 * block 1; block 0, the manufacturer block, and every sector trailer are
 * left out, so the framing can never overwrite a trailer's keys or access
 * bits). Each sector is authenticated with the key loaded at identify
 * before its blocks are read or written, 16 bytes per APDU, as an ACR122U
 * takes them; an authentication that fails means a card whose keys this
 * terminal does not know: NOT_CARDGATE, and nothing is written there.
 */
import { CardError } from '../card-error.js';
import { checkRange, type CardMemory } from '../card-memory.js';
import { sectorOf } from '../emulator/classic-tag.js';
import { authenticate, OK, readBinary, statusError, updateBinary } from './apdu.js';
import type { PcscConnection } from './pcsc-connection.js';

const BLOCK = 16;

export function unknownKeys(id: string): CardError {
  return new CardError(
    'NOT_CARDGATE',
    `Card ${id} is a MIFARE Classic card locked with keys this terminal does not know (another application's card). Nothing was written. Please use a Cardgate card.`,
  );
}

export class MifareMemory implements CardMemory {
  readonly capacity: number;
  /** Data block numbers in user-memory order. */
  private readonly blocks: number[] = [];
  private sector: number | undefined;

  constructor(
    private readonly connection: PcscConnection,
    private readonly id: string,
    totalBlocks: number,
    private readonly keyType: 0x60 | 0x61,
  ) {
    for (let block = 1; block < totalBlocks; block++) if (sectorOf(block).trailer !== block) this.blocks.push(block);
    this.capacity = this.blocks.length * BLOCK;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    checkRange(this.capacity, offset, length);
    const parts: Buffer[] = [];
    for (let i = Math.floor(offset / BLOCK); i * BLOCK < offset + length; i++) parts.push(await this.readBlock(i));
    const skip = offset % BLOCK;
    return Buffer.concat(parts).subarray(skip, skip + length);
  }

  async write(offset: number, data: Buffer): Promise<void> {
    checkRange(this.capacity, offset, data.length);
    if (data.length === 0) return;
    const first = Math.floor(offset / BLOCK);
    const last = Math.floor((offset + data.length - 1) / BLOCK);
    for (let i = first; i <= last; i++) {
      const start = i * BLOCK;
      let block: Buffer;
      if (start >= offset && start + BLOCK <= offset + data.length)
        block = data.subarray(start - offset, start - offset + BLOCK);
      else {
        // A partial block keeps its other bytes: read it, merge, write it whole.
        block = Buffer.from(await this.readBlock(i));
        const from = Math.max(offset, start);
        const to = Math.min(offset + data.length, start + BLOCK);
        data.copy(block, from - start, from - offset, to - offset);
      }
      await this.select(this.blocks[i]!, 'write');
      const { sw } = await this.connection.transmit(updateBinary(this.blocks[i]!, block), 'write');
      if (sw !== OK) throw statusError(sw, 'write');
    }
  }

  private async readBlock(index: number): Promise<Buffer> {
    const block = this.blocks[index]!;
    await this.select(block, 'read');
    const { data, sw } = await this.connection.transmit(readBinary(block, BLOCK), 'read');
    if (sw !== OK || data.length !== BLOCK) throw statusError(sw === OK ? 0x6282 : sw, 'read');
    return data;
  }

  /** Authenticates `block`'s sector unless it is the one authenticated last. */
  private async select(block: number, operation: 'read' | 'write'): Promise<void> {
    const { sector } = sectorOf(block);
    if (this.sector === sector) return;
    this.sector = undefined;
    const { sw } = await this.connection.transmit(authenticate(block, this.keyType, 0), operation);
    if (sw !== OK) throw unknownKeys(this.id);
    this.sector = sector;
  }
}
