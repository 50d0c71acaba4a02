import { useState } from 'react';
import { useKeys } from '../../terminal/hooks/use-keys.js';

/** Which field of a form has focus: Tab/↓ next, Shift+Tab/↑ previous. */
export function useFormFocus(fieldCount: number, initial = 0) {
  const [focus, setFocus] = useState(initial);
  useKeys((_input, key) => {
    if ((key.tab && !key.shift) || key.downArrow) setFocus((f) => Math.min(fieldCount - 1, f + 1));
    else if ((key.tab && key.shift) || key.upArrow) setFocus((f) => Math.max(0, f - 1));
  });
  return [focus, setFocus] as const;
}
