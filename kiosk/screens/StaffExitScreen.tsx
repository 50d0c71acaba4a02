import { Box, Text } from 'ink';
import { useState } from 'react';
import { TextField } from '../../terminal/components/TextField.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { theme } from '../../terminal/theme.js';
import { KioskScreen } from '../components/KioskScreen.js';
import type { StaffCheck, StaffTokenCheck } from '../staff-exit.js';

export interface StaffExitScreenProps {
  readonly check: StaffTokenCheck;
  /** The center confirmed an admin token: close the kiosk. */
  readonly onExit: () => void;
  /** Esc: back to Home. */
  readonly onCancel: () => void;
}

/** Staff only: an admin token, checked by the center, closes a locked kiosk. */
export function StaffExitScreen({ check, onExit, onCancel }: StaffExitScreenProps) {
  const [token, setToken] = useState('');
  const [result, setResult] = useState<StaffCheck | 'checking'>();
  useKeys((_input, key) => {
    if (key.escape && result !== 'checking') onCancel();
  });
  const submit = () => {
    if (!token.trim() || result === 'checking') return;
    setResult('checking');
    void check(token).then((answer) => {
      if (answer.ok) return onExit();
      setToken('');
      setResult(answer);
    });
  };
  return (
    <KioskScreen
      title="Staff: close the kiosk"
      keys={[
        ['Enter', 'check and close'],
        ['Esc', 'back to the kiosk'],
      ]}
    >
      <Box flexDirection="column">
        <Text>To close this kiosk, type an admin token. The sales center checks it.</Text>
        <Text> </Text>
        <TextField
          label="Admin token"
          value={token}
          onChange={setToken}
          onSubmit={submit}
          isActive={result !== 'checking'}
          maxLength={200}
          display={(value) => '•'.repeat(Math.min(value.length, 40))}
          hint="shown as dots; never stored"
        />
        {result === 'checking' ? <Spinner label="Asking the sales center…" /> : null}
        {result && result !== 'checking' && !result.ok ? <Text color={theme.bad}>✖ {result.problem}</Text> : null}
      </Box>
    </KioskScreen>
  );
}
