import { Box, Text } from 'ink';
import type { Unavailability } from '../../gen/cardgate/v1/sales.js';
import type { KeyBinding } from '../../terminal/components/KeyHelp.js';
import { theme } from '../../terminal/theme.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { NEXT_STEPS, unavailableWords, type NextStep } from '../unavailable-words.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface UnavailableScreenProps {
  readonly unavailable: Unavailability;
  /** Seats left of the event now (live catalog), when known. */
  readonly seatsLeft?: number;
  readonly onNext: (next: NextStep) => void;
  readonly onHome: () => void;
}

/** SPEC §2 step 5: the tickets were not bought; why, in plain words, that nothing was charged, and what to do next. */
export function UnavailableScreen({ unavailable, seatsLeft, onNext, onHome }: UnavailableScreenProps) {
  const words = unavailableWords(unavailable.reason, seatsLeft);
  useKeys((input, key) => {
    const chosen = words.next.find((next) => NEXT_STEPS[next][0] === input);
    if (chosen) onNext(chosen);
    else if (key.return) onNext(words.next[0]!);
    else if (key.escape) onHome();
  });
  const keys: KeyBinding[] = words.next.map((next) => [NEXT_STEPS[next][0], NEXT_STEPS[next][1]] as const);
  keys.push(['Esc', 'home']);
  return (
    <KioskScreen title="Tickets not bought" keys={keys}>
      <Box flexDirection="column" gap={1}>
        <Text color={theme.bad} bold>
          ✖ {words.title}
        </Text>
        <Text>{unavailable.message || words.explanation}</Text>
        <Text bold>Nothing was charged and nothing was written to your IC card.</Text>
        <Box flexDirection="column">
          <Text>What you can do:</Text>
          {words.next.map((next, index) => (
            <Text key={next}>
              {'  '}
              <Text bold>{NEXT_STEPS[next][0]}</Text> {NEXT_STEPS[next][1]}
              {index === 0 ? <Text dimColor> (Enter)</Text> : null}
            </Text>
          ))}
        </Box>
      </Box>
    </KioskScreen>
  );
}
