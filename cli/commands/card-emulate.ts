/**
 * `cardgate card emulate` (SPEC §4, §5): puts a virtual card (--type: NTAG21x
 * or MIFARE Classic, else NTAG-like of --capacity bytes) on pcscd's vpcd
 * reader until Ctrl+C, so `--card pcsc` works without hardware. The card's
 * memory lives in --file (for NTAG the same format as a `file:` card).
 */
import type { Command } from 'commander';
import { startCardEmulator } from '../../card/emulator/card-emulator.js';
import { CARD_TYPES, type CardType } from '../../card/emulator/card-types.js';
import { ACR122U_LIMITS } from '../../card/emulator/storage-tag.js';
import { MAX_TAG_CAPACITY, NTAG216_CAPACITY } from '../../card/emulator/tag-file.js';
import { VPCD_PORT } from '../../card/emulator/vpcd-link.js';
import { wholeNumber } from '../options.js';

interface EmulateOptions {
  type?: string;
  capacity?: number;
  apduDelayMs: number;
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
    .description(
      "put a virtual IC card on pcscd's vpcd reader as an ACR122U presents it, so --card pcsc works without hardware",
    )
    .option('--type <type>', `the card: ${CARD_TYPES.join(', ')} (default an NTAG-like card of --capacity bytes)`)
    .option(
      '--capacity <bytes>',
      `data area of a new NTAG-like card, a multiple of 8 from 144 to ${MAX_TAG_CAPACITY} (default ${NTAG216_CAPACITY}; an existing --file keeps its own)`,
      wholeNumber('--capacity', 144, MAX_TAG_CAPACITY),
    )
    .option(
      '--apdu-delay-ms <ms>',
      'answer each APDU this much later, to model a real reader (an ACR122U: several ms)',
      wholeNumber('--apdu-delay-ms', 0, 10_000),
      0,
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
      if (options.type !== undefined && !(CARD_TYPES as readonly string[]).includes(options.type))
        throw new Error(`--type must be one of ${CARD_TYPES.join(', ')}, not ${JSON.stringify(options.type)}`);
      const emulator = await startCardEmulator({
        file: options.file,
        type: options.type as CardType | undefined,
        capacity: options.capacity,
        apduDelayMs: options.apduDelayMs,
        port,
        limits,
        readOnly: options.readOnly,
      });
      const stop = () => void emulator.remove();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      console.log(
        `card ${emulator.cardId} (${emulator.type}, ${emulator.capacity} bytes) is on ${readerName(port)}; use --card pcsc or --card "pcsc:${readerName(port)}"`,
      );
      console.log(`memory kept in ${options.file}; press Ctrl+C to take the card off`);
      await emulator.removed;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log(`card ${emulator.cardId} taken off the reader (${emulator.apdus()} commands answered)`);
    });
}
