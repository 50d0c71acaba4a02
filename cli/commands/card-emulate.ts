/**
 * `cardgate card emulate` (SPEC §5): puts a virtual NTAG-like card on
 * pcscd's vpcd reader until Ctrl+C, so `--card pcsc` works without hardware.
 * The card's memory lives in --file, the same format as a `file:` card.
 */
import type { Command } from 'commander';
import { startCardEmulator } from '../../card/emulator/card-emulator.js';
import { ACR122U_LIMITS } from '../../card/emulator/storage-tag.js';
import { MAX_TAG_CAPACITY, NTAG216_CAPACITY } from '../../card/emulator/tag-file.js';
import { VPCD_PORT } from '../../card/emulator/vpcd-link.js';
import { wholeNumber } from '../options.js';

interface EmulateOptions {
  capacity: number;
  file: string;
  port: number;
  readBytes: number;
  writeBytes: number;
  readOnly?: boolean;
}

/** vpcd numbers its readers by port: 35963 is "Virtual PCD 00 00", 35964 "Virtual PCD 00 01". */
const readerName = (port: number) =>
  port >= VPCD_PORT && port < VPCD_PORT + 100
    ? `Virtual PCD 00 ${String(port - VPCD_PORT).padStart(2, '0')}`
    : `the vpcd reader on port ${port}`;

export function registerEmulateCommand(card: Command): void {
  card
    .command('emulate')
    .description("put a virtual IC card (NTAG216-like) on pcscd's vpcd reader, so --card pcsc works without hardware")
    .option(
      '--capacity <bytes>',
      `data area of a new card, a multiple of 8 up to ${MAX_TAG_CAPACITY} (an existing --file keeps its own)`,
      wholeNumber('--capacity', 0, MAX_TAG_CAPACITY),
      NTAG216_CAPACITY,
    )
    .option(
      '--file <path>',
      'the card file holding its memory and UID (created blank when missing; also usable as --card file:PATH)',
      './data/emulated.card',
    )
    .option(
      '--port <n>',
      `vpcd's TCP port: ${VPCD_PORT} = "Virtual PCD 00 00", ${VPCD_PORT + 1} = "Virtual PCD 00 01"`,
      wholeNumber('--port', 1, 65535),
      VPCD_PORT,
    )
    .option(
      '--read-bytes <n>',
      'most bytes one READ BINARY returns (16 like an ACR122U)',
      wholeNumber('--read-bytes', 4, 252),
      ACR122U_LIMITS.maxReadBytes,
    )
    .option(
      '--write-bytes <n>',
      'most bytes one UPDATE BINARY writes (4 = one page, like an ACR122U)',
      wholeNumber('--write-bytes', 4, 252),
      ACR122U_LIMITS.maxWriteBytes,
    )
    .option('--read-only', 'a locked card: every write is refused')
    .action(async (options: EmulateOptions) => {
      const { port } = options;
      const limits = { maxReadBytes: options.readBytes, maxWriteBytes: options.writeBytes };
      if (limits.maxReadBytes % 4 || limits.maxWriteBytes % 4)
        throw new Error('--read-bytes and --write-bytes must be multiples of 4 (whole pages)');
      const emulator = await startCardEmulator({
        file: options.file,
        capacity: options.capacity,
        port,
        limits,
        readOnly: options.readOnly,
      });
      const stop = () => void emulator.remove();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      console.log(
        `card ${emulator.cardId} (${emulator.capacity} bytes) is on ${readerName(port)}; use --card pcsc or --card "pcsc:${readerName(port)}"`,
      );
      console.log(`memory kept in ${options.file}; press Ctrl+C to take the card off`);
      await emulator.removed;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log(`card ${emulator.cardId} taken off the reader (${emulator.apdus()} commands answered)`);
    });
}
