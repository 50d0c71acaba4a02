import { createContext, useContext, type ReactNode } from 'react';
import type { CardReader } from '../../card/index.js';

const CardReaderContext = createContext<CardReader | undefined>(undefined);

/**
 * Makes the terminal's card reader available to every screen. The reader is
 * opened outside React (by the CLI, from `--card`) and closed by whoever opened it.
 */
export function CardReaderProvider({
  reader,
  children,
}: {
  readonly reader: CardReader;
  readonly children: ReactNode;
}) {
  return <CardReaderContext.Provider value={reader}>{children}</CardReaderContext.Provider>;
}

/** The reader given to the nearest CardReaderProvider. */
export function useCardReader(): CardReader {
  const reader = useContext(CardReaderContext);
  if (!reader) throw new Error('useCardReader needs a <CardReaderProvider reader={…}> around the app');
  return reader;
}
