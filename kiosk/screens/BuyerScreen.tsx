import { Box, Text } from 'ink';
import { useState } from 'react';
import { TextField } from '../../terminal/components/TextField.js';
import { buyerErrors, MAX_NAME_LENGTH, type BuyerInput } from '../buyer.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { useFormFocus } from '../hooks/use-form-focus.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface BuyerScreenProps {
  readonly initial: BuyerInput;
  readonly onDone: (buyer: BuyerInput) => void;
  readonly onBack: () => void;
}

/** Step 3: the buyer's name (required: it goes on the card) and e-mail (optional, checked). */
export function BuyerScreen({ initial, onDone, onBack }: BuyerScreenProps) {
  const [buyer, setBuyer] = useState(initial);
  const [checked, setChecked] = useState(false);
  const [focus, setFocus] = useFormFocus(2);
  const errors = checked ? buyerErrors(buyer) : {};

  const submit = () => {
    const found = buyerErrors(buyer);
    setChecked(true);
    if (found.name) setFocus(0);
    else if (found.email) setFocus(1);
    else onDone({ name: buyer.name.trim().replace(/\s+/g, ' '), email: buyer.email.trim() });
  };
  useKeys((_input, key) => {
    if (key.escape) onBack();
  });

  return (
    <KioskScreen
      title="Your details"
      step="step 3 of 5"
      keys={[
        ['Tab/↑↓', 'next field'],
        ['Enter', 'continue'],
        ['Esc', 'back'],
      ]}
    >
      <Box flexDirection="column">
        <Text>Your name is written on the IC card with your tickets.</Text>
        <Text> </Text>
        <TextField
          label="Name"
          value={buyer.name}
          onChange={(name) => setBuyer((b) => ({ ...b, name }))}
          onSubmit={() => (buyerErrors(buyer).name ? submit() : setFocus(1))}
          isActive={focus === 0}
          maxLength={MAX_NAME_LENGTH}
          placeholder="e.g. Hanako Yamada"
          error={errors.name}
          hint="required"
        />
        <TextField
          label="E-mail"
          value={buyer.email}
          onChange={(email) => setBuyer((b) => ({ ...b, email }))}
          onSubmit={submit}
          isActive={focus === 1}
          accept={/\S/}
          maxLength={120}
          placeholder="e.g. hanako@example.com"
          error={errors.email}
          hint="optional: kept with your order for staff; nothing is sent"
        />
      </Box>
    </KioskScreen>
  );
}
