/**
 * An emulated MIFARE Classic card's memory on disk: the raw dump (1024 or
 * 4096 bytes: every block, trailers included, as `.mfd` tools write it).
 * Every block written reaches the file before the reader gets its answer.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CardError } from '../card-error.js';
import { blankClassic, CLASSIC_1K_BYTES, CLASSIC_4K_BYTES, isTrailer } from './classic-tag.js';

export class ClassicFile {
  private constructor(
    readonly dump: Buffer,
    private readonly fd: number,
  ) {}

  static open(path: string, type: 'classic1k' | 'classic4k', key?: Buffer): ClassicFile {
    const bytes = type === 'classic1k' ? CLASSIC_1K_BYTES : CLASSIC_4K_BYTES;
    let dump: Buffer;
    try {
      dump = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new CardError('READ_FAILED', `The card file ${path} cannot be read: ${(error as Error).message}`, {
          cause: error,
        });
      // NXP's random 4-byte UIDs start with 0x08; a fixed first byte other than 0x88 keeps the BCC meaningful.
      dump = blankClassic(Buffer.concat([Buffer.of(0x08), randomBytes(3)]), bytes, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, dump, { flag: 'wx' });
    }
    if (dump.length !== bytes)
      throw new CardError(
        'BAD_SPEC',
        `${path} holds ${dump.length} bytes, not a MIFARE Classic ${type === 'classic1k' ? '1K' : '4K'} dump of ${bytes}; use another --file.`,
      );
    return new ClassicFile(dump, openSync(path, 'r+'));
  }

  /** User memory the pcsc driver sees: data blocks only (no block 0, no trailers). */
  get capacity(): number {
    let data = 0;
    for (let block = 1; block < this.dump.length / 16; block++) if (!isTrailer(block)) data += 16;
    return data;
  }

  persist(offset: number, length: number): void {
    writeSync(this.fd, this.dump, offset, length, offset);
  }

  close(): void {
    closeSync(this.fd);
  }
}
