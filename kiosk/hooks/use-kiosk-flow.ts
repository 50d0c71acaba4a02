/** The kiosk's flow as a hook: the reducer of flow/kiosk-state, starting at Home. */
import { useReducer } from 'react';
import { HOME, kioskReducer } from '../flow/kiosk-state.js';

export function useKioskFlow() {
  return useReducer(kioskReducer, HOME);
}
