import { Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { GateFrame } from '../components/GateFrame.js';
import type { FrameProps } from './WaitingScreen.js';

/** Reading the card, or waiting for the center's answer; Esc gives up on reading (not on a question already sent). */
export function BusyScreen({
  frame,
  title,
  words,
  onCancel,
}: {
  readonly frame: FrameProps;
  readonly title: string;
  readonly words: string;
  readonly onCancel?: () => void;
}) {
  useKeys((_input, key) => {
    if (key.escape) onCancel?.();
  });
  return (
    <GateFrame {...frame} title={title} keys={onCancel ? [['Esc', 'cancel']] : []}>
      <Text>{words}</Text>
    </GateFrame>
  );
}
