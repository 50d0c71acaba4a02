import { Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { theme } from '../../terminal/theme.js';
import { GateFrame } from '../components/GateFrame.js';
import type { FrameProps } from './WaitingScreen.js';

/** The card could not be read (not a Cardgate card, damaged, taken away): what to do, and a way back. */
export function CardErrorScreen({ frame, message, onRetry, onBack }: { readonly frame: FrameProps; readonly message: string; readonly onRetry: () => void; readonly onBack: () => void }) {
  useKeys((input, key) => {
    if (input === ' ' || key.return) onRetry();
    else if (key.escape) onBack();
  });
  return (
    <GateFrame {...frame} title="Card not read" keys={[['Space', 'read again'], ['Esc', 'back']]}>
      <Text color={theme.bad} bold>
        ✖ The card could not be read.
      </Text>
      <Text>{message}</Text>
      <Text dimColor>Nothing was admitted. Put the card back on the reader and press Space, or Esc.</Text>
    </GateFrame>
  );
}
