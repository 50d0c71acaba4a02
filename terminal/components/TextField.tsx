import { Box, Text } from 'ink';
import { useRef } from 'react';
import { theme } from '../theme.js';
import { useKeys } from '../hooks/use-keys.js';

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Enter while the field has focus. */
  readonly onSubmit?: () => void;
  /** Only the focused field takes keys. */
  readonly isActive: boolean;
  /** Characters the field accepts; others are ignored (e.g. digits only). */
  readonly accept?: RegExp;
  readonly maxLength?: number;
  /** How the value is shown: grouping, masking. Defaults to the value itself. */
  readonly display?: (value: string) => string;
  /** Shown dim while the field is empty. */
  readonly placeholder?: string;
  /** A validation message shown in red under the field. */
  readonly error?: string;
  /** A dim line under the field when there is no error, e.g. "optional". */
  readonly hint?: string;
  readonly labelWidth?: number;
}

/**
 * A one-line controlled text input: typing appends, Backspace deletes, Enter
 * submits. The value lives in the parent's state, so a screen can validate,
 * mask and wipe it.
 */
export function TextField(props: TextFieldProps) {
  const {
    label,
    value,
    onChange,
    onSubmit,
    isActive,
    accept,
    maxLength = 200,
    display,
    placeholder,
    error,
    hint,
    labelWidth = 14,
  } = props;

  // Keys that arrive before the parent re-renders build on what was typed, not on the last rendered value.
  const typed = useRef({ rendered: value, latest: value });
  if (typed.current.rendered !== value) typed.current = { rendered: value, latest: value };
  const change = (next: string) => {
    typed.current.latest = next;
    onChange(next);
  };

  useKeys(
    (input, key) => {
      const value = typed.current.latest;
      if (key.return) return onSubmit?.();
      if (key.backspace || key.delete) return change(value.slice(0, -1));
      if (
        key.ctrl ||
        key.meta ||
        key.escape ||
        key.tab ||
        key.upArrow ||
        key.downArrow ||
        key.leftArrow ||
        key.rightArrow
      )
        return;
      // A fast typist or a paste can deliver several characters in one key (Backspace and Enter
      // among them are split off before they get here: hooks/split-keys.ts).
      let next = value;
      for (const character of input) if (character >= ' ' && (!accept || accept.test(character))) next += character;
      if (next !== value) change(next.slice(0, maxLength));
    },
    { isActive },
  );

  const shown = display ? display(value) : value;
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={labelWidth}>
          <Text bold={isActive} color={isActive ? theme.accent : undefined}>
            {isActive ? '› ' : '  '}
            {label}
          </Text>
        </Box>
        <Text>{shown}</Text>
        {isActive ? <Text inverse> </Text> : null}
        {!shown && placeholder ? (
          <Text dimColor>
            {isActive ? '' : ' '}
            {placeholder}
          </Text>
        ) : null}
      </Box>
      <Box marginLeft={labelWidth}>
        {error ? <Text color={theme.bad}>{error}</Text> : hint ? <Text dimColor>{hint}</Text> : <Text> </Text>}
      </Box>
    </Box>
  );
}
