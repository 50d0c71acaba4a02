import { Text } from 'ink';
import type { GateStatus } from '../../gen/cardgate/v1/admin.js';
import { cell } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import { clockTime } from '../model/clock-words.js';

/** What the monitor knows of the gates' connection (ListGates). */
export type GatesView =
  | { readonly kind: 'asking' }
  /** The center has no ListGates (UNIMPLEMENTED). */
  | { readonly kind: 'unavailable' }
  /** The center did not answer, and never had. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'known'; readonly gates: readonly GateStatus[] };

export interface OfflineGatesPanelProps {
  readonly view: GatesView;
  readonly width: number;
}

function gateWords(gate: GateStatus): string {
  const seen = gate.lastSeenAt ? `last seen ${clockTime(gate.lastSeenAt)}` : 'never seen';
  const pending = gate.pendingOffline > 0 ? `, ${gate.pendingOffline} to upload` : '';
  return `${gate.gateId} (${seen}${pending})`;
}

/** One line: the gates the center has not heard from for too long (SPEC §9), or why it cannot say. */
export function OfflineGatesPanel({ view, width }: OfflineGatesPanelProps) {
  const line = (text: string, color?: string) => (
    <Text color={color} dimColor={!color}>
      {cell(text, width - 1).trimEnd()}
    </Text>
  );
  switch (view.kind) {
    case 'asking':
      return line('Gates off line: asking the center…');
    case 'unavailable':
      return line('Gates off line: gate status not available from this center');
    case 'unknown':
      return line('Gates off line: not known while the center is unreachable');
    case 'known': {
      const off = view.gates.filter((gate) => gate.offline);
      if (view.gates.length === 0) return line('Gates off line: none (no gate has called this center yet)');
      if (off.length === 0) return line(`Gates off line: none (${view.gates.length} known to the center)`, theme.ok);
      return line(`Gates off line (${off.length}): ${off.map(gateWords).join(', ')}`, theme.bad);
    }
  }
}
