/**
 * The user memory of a virtual card file, as CardMemory. The file is opened
 * for each access rather than held open, so a kiosk and a gate sharing one
 * virtual card (the demo) each see the other's writes, and a deleted file
 * behaves like a card taken off the reader.
 */
import { open } from 'node:fs/promises';
import { CardError } from './card-error.js';
import { checkRange, type CardMemory } from './card-memory.js';

export class FileCardMemory implements CardMemory {
  /**
   * @param path the card file
   * @param userOffset where user memory starts in the file (after the manufacturer block)
   * @param capacity user memory bytes
   */
  constructor(
    readonly path: string,
    private readonly userOffset: number,
    readonly capacity: number,
  ) {}

  async read(offset: number, length: number): Promise<Buffer> {
    checkRange(this.capacity, offset, length);
    const handle = await open(this.path, 'r').catch((cause) => this.fail(cause, 'READ_FAILED'));
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, this.userOffset + offset);
      if (bytesRead !== length)
        throw new CardError(
          'READ_FAILED',
          `The virtual card ${this.path} is shorter than it was; it may have been replaced.`,
        );
      return buffer;
    } finally {
      await handle.close();
    }
  }

  async write(offset: number, data: Buffer): Promise<void> {
    checkRange(this.capacity, offset, data.length);
    const handle = await open(this.path, 'r+').catch((cause) => this.fail(cause, 'WRITE_FAILED'));
    try {
      await handle.write(data, 0, data.length, this.userOffset + offset);
      // The framing writes payload before header; syncing each write keeps that order on disk after a crash.
      await handle.datasync();
    } catch (cause) {
      this.fail(cause, 'WRITE_FAILED');
    } finally {
      await handle.close();
    }
  }

  private fail(cause: unknown, code: 'READ_FAILED' | 'WRITE_FAILED'): never {
    if (cause instanceof CardError) throw cause;
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CardError(
        'NO_CARD',
        `The virtual card ${this.path} is gone (file deleted). Put the card back and try again.`,
        { cause },
      );
    }
    const verb = code === 'READ_FAILED' ? 'read' : 'written';
    throw new CardError(code, `The virtual card ${this.path} could not be ${verb}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
