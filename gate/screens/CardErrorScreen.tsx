import { Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { theme } from '../../terminal/theme.js';
import { GateFrame } from '../components/GateFrame.js';
import type { FrameProps } from './WaitingScreen.js';

export interface CardErrorScreenProps {
  readonly frame: FrameProps;
  readonly message: string;
  /** The reader notices cards itself (PC/SC): taking this card off ends the screen, the next card is read when put down. */
  readonly auto: boolean;
  readonly onRetry: () => void;
  readonly onBack: () => void;
}

/** The card could not be read (not a Cardgate card, damaged, taken away): what to do, and a way back. */
export function CardErrorScreen({ frame, message, auto, onRetry, onBack }: CardErrorScreenProps) {
  useKeys((input, key) => {
    if (input === ' ' || key.return) onRetry();
    else if (key.escape) onBack();
  });
  return (
    <GateFrame
      {...frame}
      title="Card not read"
      keys={[
        ['Space', 'read again'],
        ['Esc', 'back'],
      ]}
    >
      <Text color={theme.bad} bold>
        ✖ The card could not be read.
      </Text>
      <Text>{message}</Text>
      <Text dimColor>
        {auto
          ? 'Nothing was admitted. Take the card off the reader (Esc if this stays), or press Space to read it again.'
          : 'Nothing was admitted. Put the card back on the reader and press Space, or Esc.'}
      </Text>
    </GateFrame>
  );
}
