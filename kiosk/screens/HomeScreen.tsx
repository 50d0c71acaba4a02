import { Box, Text } from 'ink';
import { Menu } from '../../terminal/components/Menu.js';
import type { KeyBinding } from '../../terminal/components/KeyHelp.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

/** The screens Home opens. */
export type HomeChoice = 'catalog' | 'my-card' | 'recover';

const CHOICES: ReadonlyArray<{ screen: HomeChoice; label: string; description: string }> = [
  {
    screen: 'catalog',
    label: 'Buy tickets',
    description: 'Choose an event, pay by credit card, get the tickets on your IC card.',
  },
  { screen: 'my-card', label: 'My card', description: 'See the tickets on your IC card and clear off used ones.' },
  {
    screen: 'recover',
    label: 'Recover an order',
    description: 'Write a paid order onto your IC card again, with its order id.',
  },
];

export interface HomeScreenProps {
  readonly onChoose: (screen: HomeChoice) => void;
  /** Esc leaves the kiosk (back to the demo launcher); absent when the kiosk runs alone. */
  readonly onExit?: () => void;
}

/** The first screen: what the kiosk can do. */
export function HomeScreen({ onChoose, onExit }: HomeScreenProps) {
  useKeys((input, key) => {
    const picked = CHOICES[Number(input) - 1];
    if (picked) onChoose(picked.screen);
    else if (key.escape && onExit) onExit();
  });
  const keys: KeyBinding[] = [
    ['↑↓', 'move'],
    ['Enter', 'choose'],
    ['1-3', 'shortcut'],
  ];
  if (onExit) keys.push(['Esc', 'back to the launcher']);
  return (
    <KioskScreen title="Welcome" keys={keys}>
      <Box flexDirection="column" gap={1}>
        <Text>Buy event tickets onto your IC card. What would you like to do?</Text>
        <Menu items={CHOICES} onChoose={(index) => onChoose(CHOICES[index]!.screen)} isActive />
      </Box>
    </KioskScreen>
  );
}
