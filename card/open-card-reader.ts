/**
 * Turns a `--card` spec (SPEC §5) into a reader: `file:PATH` for a virtual
 * card, `pcsc` or `pcsc:READER` for a PC/SC reader.
 */
import type { CardReader } from './card.js';
import { CardError } from './card-error.js';
import { FileCardReader } from './file-reader.js';

export interface CardReaderOptions {
  /** User memory of a `file:` card created by this call; existing files keep their size. */
  readonly capacity?: number;
}

const ACCEPTED = 'file:PATH (a virtual card file), pcsc (the first PC/SC reader holding a card) or pcsc:READER (a named PC/SC reader)';

/** Opens the reader named by `spec`; BAD_SPEC naming the accepted forms when it is none of them. */
export async function openCardReader(spec: string, options: CardReaderOptions = {}): Promise<CardReader> {
  const trimmed = spec.trim();
  if (trimmed.startsWith('file:')) {
    const path = trimmed.slice('file:'.length);
    if (!path) throw new CardError('BAD_SPEC', `--card file: needs a path, for example file:./data/demo.card`);
    return new FileCardReader(path, options.capacity);
  }
  if (trimmed === 'pcsc' || trimmed.startsWith('pcsc:')) {
    throw new CardError('NOT_SUPPORTED', 'The pcsc driver is not built yet; use --card file:PATH for a virtual card.');
  }
  throw new CardError('BAD_SPEC', `--card ${JSON.stringify(spec)} is not a card reader; expected ${ACCEPTED}.`);
}
