import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { screenLayout, type ScreenLayout, type TerminalSize } from '../layout.js';

/** The terminal's columns and rows, followed as the window is resized (unknown when stdout is not a terminal). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => (stdout.isTTY ? { columns: stdout.columns, rows: stdout.rows } : {});
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read only depends on stdout
  }, [stdout]);
  return size;
}

/** This terminal's screen layout (terminal/layout.ts). */
export function useScreenLayout(): ScreenLayout {
  return screenLayout(useTerminalSize());
}

/** Lines beyond 24 a list may use for more rows. */
export function useExtraRows(): number {
  const layout = useScreenLayout();
  return layout.fits ? layout.extraRows : 0;
}
