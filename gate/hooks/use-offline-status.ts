/** The off-line link's status (gate/offline/offline-gate.ts) as React state: on line or since when not, and the backlog. */
import { useEffect, useState } from 'react';
import type { OfflineGate, OfflineStatus } from '../offline/offline-gate.js';

export function useOfflineStatus(gate: OfflineGate | undefined): OfflineStatus | undefined {
  const [status, setStatus] = useState(gate?.status);
  useEffect(() => {
    if (!gate) return;
    setStatus(gate.status);
    return gate.subscribe(setStatus);
  }, [gate]);
  return status;
}
