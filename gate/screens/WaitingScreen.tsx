import { Box, Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { theme } from '../../terminal/theme.js';
import { GateFrame, type GateFrameProps } from '../components/GateFrame.js';
import type { CardPresence } from '../../terminal/card/use-card-presence.js';
import { formatTime } from '../../terminal/format.js';
import { isOffline } from '../components/OfflineBanner.js';

export type FrameProps = Omit<GateFrameProps, 'title' | 'keys' | 'children'>;

export interface WaitingScreenProps {
  readonly frame: FrameProps;
  readonly presence: CardPresence;
  readonly readerName: string;
  /** What happened to the last paper ticket, if any. */
  readonly lastPrint?: { readonly ok: boolean; readonly words: string };
  readonly onPresent: () => void;
  readonly onExit: () => void;
}

const CENTER_WORDS = {
  connecting: 'connecting…',
  online: 'online',
  offline: 'UNREACHABLE: nothing can be admitted',
  refused: 'REFUSES THIS GATE’S TOKEN: nothing can be admitted',
} as const;

/** "Present a card": the gate id, the center's state and the counts since start. */
export function WaitingScreen({ frame, presence, readerName, lastPrint, onPresent, onExit }: WaitingScreenProps) {
  // A reader that notices cards by itself (pcsc) has no key to present one.
  const byKey = presence.mode !== 'auto';
  useKeys((input, key) => {
    if (byKey && (input === ' ' || key.return)) onPresent();
    else if (input === 'r') frame.center.retry();
    else if (input === 'q') onExit();
  });
  const { center, offline } = frame;
  const alone = isOffline(offline) && center.state !== 'refused';
  const backlog = offline?.backlog ?? 0;
  // With an off-line link, its manifest poll is the heartbeat; WhoAmI still tells a refused token.
  const state = !offline
    ? center.state
    : center.state === 'refused'
      ? 'refused'
      : offline.online === true
        ? 'online'
        : offline.online === undefined
          ? 'connecting'
          : center.state;
  const instruction = presence.awaitingRemoval
    ? 'Take the card off the reader.'
    : presence.mode === 'auto'
      ? 'Put the card on the reader.'
      : 'Press Space when the card is on the reader.';
  return (
    <GateFrame
      {...frame}
      title="Waiting"
      keys={[...(byKey ? ([['Space', 'present card']] as const) : []), ['r', 'retry center'], ['q', 'close gate']]}
    >
      <Box
        flexDirection="column"
        borderStyle="round"
        borderColor={theme.accent}
        paddingX={2}
        paddingY={1}
        alignItems="center"
      >
        <Text bold color={theme.accent}>
          {frame.direction === 'exit' ? 'EXIT — PRESENT A CARD' : 'PRESENT A CARD'}
        </Text>
        <Text>{instruction}</Text>
        <Text dimColor>Reader: {readerName}</Text>
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text>
          Gate <Text bold>{frame.gateId}</Text>
          {frame.direction === 'exit' ? <Text bold> (EXIT)</Text> : null}
          {'   '}Sales center:{' '}
          {alone ? (
            <Text color={theme.warn} bold>
              OFFLINE{offline.offlineSince ? ` since ${formatTime(offline.offlineSince)}` : ''}: this gate decides on
              its own
            </Text>
          ) : (
            <Text color={state === 'online' ? theme.ok : state === 'connecting' ? theme.warn : theme.bad} bold>
              {CENTER_WORDS[state]}
            </Text>
          )}
          {center.terminalName ? <Text dimColor> (as {center.terminalName})</Text> : null}
        </Text>
        {offline ? (
          <Text color={backlog > 0 ? theme.warn : undefined}>
            {backlog === 0
              ? 'No entries waiting to upload.'
              : `${backlog} ${backlog === 1 ? 'entry' : 'entries'} waiting to upload${alone ? ' when the center is back' : '…'}`}
          </Text>
        ) : null}
        <Text>
          Since start: <Text color={theme.ok}>{frame.counts.admitted} admitted</Text>,{' '}
          <Text color={theme.bad}>{frame.counts.rejected} rejected</Text>
        </Text>
        {lastPrint ? (
          <Text color={lastPrint.ok ? undefined : theme.bad}>Last paper ticket: {lastPrint.words}</Text>
        ) : null}
      </Box>
    </GateFrame>
  );
}
