import { Box, Text } from 'ink';
import { useState } from 'react';
import { TextField } from '../../terminal/components/TextField.js';
import { formatExpiry, groupDigits, maskCardNumber, paymentErrors, type PaymentInput } from '../payment.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { useFormFocus } from '../hooks/use-form-focus.js';
import { useKiosk } from '../kiosk-context.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';

export interface PaymentScreenProps {
  readonly initial: PaymentInput;
  readonly onDone: (payment: PaymentInput) => void;
  /** Esc: back to the buyer details; the caller wipes the card data. */
  readonly onBack: () => void;
}

const DIGIT = /\d/;

/**
 * Step 4: credit card number (grouped in fours, masked but the last four once
 * entered, Luhn-checked here for early feedback), expiry MM/YY, hidden CVC.
 * The data lives only in this screen's state and the kiosk's in-flight purchase.
 */
export function PaymentScreen({ initial, onDone, onBack }: PaymentScreenProps) {
  const { paymentHint } = useKiosk();
  const [payment, setPayment] = useState(initial);
  const [checked, setChecked] = useState<ReadonlySet<keyof PaymentInput>>(new Set());
  const [focus, setFocus] = useFormFocus(3);
  const all = paymentErrors(payment);
  const error = (field: keyof PaymentInput) => (checked.has(field) ? all[field] : undefined);
  const fields: (keyof PaymentInput)[] = ['number', 'expiry', 'cvc'];

  const leave = (field: keyof PaymentInput, next: number) => {
    setChecked((c) => new Set([...c, field]));
    if (!all[field]) setFocus(next);
  };
  const submit = () => {
    setChecked(new Set(fields));
    const firstBad = fields.findIndex((field) => all[field]);
    if (firstBad >= 0) setFocus(firstBad);
    else onDone(payment);
  };
  useKeys((_input, key) => {
    if (key.escape) onBack();
    if (key.tab || key.downArrow || key.upArrow) setChecked((c) => new Set([...c, fields[focus]!]));
  });
  const set = (field: keyof PaymentInput) => (value: string) => setPayment((p) => ({ ...p, [field]: value }));

  return (
    <KioskScreen
      title="Payment"
      step="step 4 of 5"
      keys={[
        ['Tab/↑↓', 'next field'],
        ['Enter', 'continue'],
        ['Esc', 'back (forgets the credit card)'],
      ]}
    >
      <Box flexDirection="column">
        <Text>Pay by credit card. Nothing is charged until you confirm on the next screen.</Text>
        {paymentHint ? <Text dimColor>{paymentHint}</Text> : null}
        <Text> </Text>
        <TextField
          label="Card number"
          value={payment.number}
          onChange={set('number')}
          onSubmit={() => leave('number', 1)}
          isActive={focus === 0}
          accept={DIGIT}
          maxLength={19}
          display={focus === 0 ? groupDigits : maskCardNumber}
          placeholder="1234 5678 9012 3456"
          error={error('number')}
        />
        <TextField
          label="Expiry"
          value={payment.expiry}
          onChange={set('expiry')}
          onSubmit={() => leave('expiry', 2)}
          isActive={focus === 1}
          accept={DIGIT}
          maxLength={4}
          display={formatExpiry}
          placeholder="MM/YY"
          error={error('expiry')}
        />
        <TextField
          label="CVC"
          value={payment.cvc}
          onChange={set('cvc')}
          onSubmit={submit}
          isActive={focus === 2}
          accept={DIGIT}
          maxLength={4}
          display={(cvc) => '•'.repeat(cvc.length)}
          placeholder="3 digits on the back"
          error={error('cvc')}
        />
      </Box>
    </KioskScreen>
  );
}
