import { Box, Text } from 'ink';
import { cell } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import type { ConflictSeen } from '../model/admission-tally.js';
import { clockTime } from '../model/clock-words.js';

export interface ConflictsPanelProps {
  /** Conflicts the center has recorded (ListProductStats), undefined before it answered. */
  readonly count?: number;
  /** The latest seen on the stream, newest first. */
  readonly latest: readonly ConflictSeen[];
  /** Product names by id, for the latest. */
  readonly names: ReadonlyMap<string, string>;
  readonly width: number;
  readonly rows: number;
}

/**
 * Tickets admitted more often than they allow, by off-line gates or a copied card (SPEC §9): the
 * center's count, and the latest few as the stream reported them.
 */
export function ConflictsPanel({ count, latest, names, width, rows }: ConflictsPanelProps) {
  // The latest few: older ones need no "more" line, the count above says how many there are.
  const shown = latest.slice(0, rows);
  const total = count ?? latest.length;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Conflicts: </Text>
        <Text color={total > 0 ? theme.bad : theme.ok}>{count === undefined ? '…' : String(count)}</Text>
        {latest.length > 0 ? <Text dimColor> · latest first</Text> : null}
      </Text>
      {shown.map((c) => (
        <Text key={`${c.gateId} ${c.ticketId} ${c.at.getTime()}`}>
          {cell(
            `  ${clockTime(c.at)}  ${c.gateId}  ${c.ticketId}  ${names.get(c.productId) ?? c.productId}`,
            width - 1,
          )}
        </Text>
      ))}
    </Box>
  );
}
