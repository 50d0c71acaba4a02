/**
 * Turns a `--card` spec (SPEC §5) into a reader: `file:PATH` for a virtual
 * card, `pcsc` or `pcsc:READER` for a PC/SC reader.
 */
import { existsSync } from 'node:fs';
import type { CardReader } from './card.js';
import { CardError } from './card-error.js';
import { FileCardReader } from './file-reader.js';

export interface CardReaderOptions {
  /** User memory of a `file:` card created by this call; existing files keep their size. */
  readonly capacity?: number;
  /** A `file:` card must exist already: reading one (`card show`) must never put a new blank card in its place. */
  readonly existing?: boolean;
}

const ACCEPTED =
  'file:PATH (a virtual card file), pcsc (the first PC/SC reader holding a card) or pcsc:READER (a named PC/SC reader)';

/** Opens the reader named by `spec`; BAD_SPEC naming the accepted forms when it is none of them. */
export async function openCardReader(spec: string, options: CardReaderOptions = {}): Promise<CardReader> {
  const trimmed = spec.trim();
  if (trimmed.startsWith('file:')) {
    const path = trimmed.slice('file:'.length);
    if (!path) throw new CardError('BAD_SPEC', `--card file: needs a path, for example file:./data/demo.card`);
    if (options.existing && !existsSync(path))
      throw new CardError('NO_CARD', `There is no virtual card at ${path}: check the path (nothing was created).`);
    return new FileCardReader(path, options.capacity);
  }
  if (trimmed === 'pcsc' || trimmed.startsWith('pcsc:')) {
    const name = trimmed === 'pcsc' ? undefined : trimmed.slice('pcsc:'.length);
    if (name === '')
      throw new CardError(
        'BAD_SPEC',
        '--card pcsc: needs a reader name, for example "pcsc:Virtual PCD 00 00", or plain pcsc for the first reader holding a card.',
      );
    // Loaded on demand so that file: cards work where pcsclite cannot load.
    const { PcscCardReader } = await import('./pcsc/pcsc-reader.js');
    return PcscCardReader.open(name);
  }
  throw new CardError('BAD_SPEC', `--card ${JSON.stringify(spec)} is not a card reader; expected ${ACCEPTED}.`);
}
