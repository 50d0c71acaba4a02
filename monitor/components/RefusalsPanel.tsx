import { Box, Text } from 'ink';
import { cell } from '../../terminal/format.js';
import { rejectReasonWords } from '../../terminal/reject-reason-words.js';
import { theme } from '../../terminal/theme.js';
import { refusalRows, type AdmissionTally } from '../model/admission-tally.js';
import { clockTime } from '../model/clock-words.js';
import { fitRows } from '../model/row-budget.js';

export interface RefusalsPanelProps {
  readonly tally: AdmissionTally;
  readonly gateIds: readonly string[];
  /** When counting began; undefined before the stream first opened. */
  readonly since?: Date;
  /** The last time the stream was down, whose refusals were not counted. */
  readonly gap?: { readonly from: Date; readonly to: Date };
  readonly width: number;
  readonly rows: number;
}

const COLUMN = 6;
const REASON_MIN = 30;

/** Refusals by reason, in the gate's words (terminal/reject-reason-words.ts), a column per gate as far as they fit, and all gates. */
export function RefusalsPanel({ tally, gateIds, since, gap, width, rows }: RefusalsPanelProps) {
  const fit = Math.max(0, Math.floor((width - REASON_MIN - COLUMN) / COLUMN));
  const gates = gateIds.slice(0, fit);
  const reasonWidth = width - COLUMN * (gates.length + 1) - 1;
  const all = refusalRows(tally, gates);
  const { shown, more } = fitRows(all, rows);
  const title = since ? `Refusals by reason since ${clockTime(since)}` : 'Refusals by reason';
  const missed = gap ? ` (${clockTime(gap.from)}–${clockTime(gap.to)} missed)` : '';
  const titleWidth = Math.max(10, reasonWidth - missed.length);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{cell(title, titleWidth).trimEnd()}</Text>
        <Text color={theme.warn}>{missed}</Text>
        {' '.repeat(Math.max(0, reasonWidth - Math.min(title.length, titleWidth) - missed.length))}
        <Text bold>
          {gates
            .map((id) =>
              cell(id, COLUMN - 1)
                .trimEnd()
                .padStart(COLUMN),
            )
            .join('')}
          {'all'.padStart(COLUMN)}
        </Text>
      </Text>
      {all.length === 0 ? <Text dimColor>none</Text> : null}
      {shown.map((row) => (
        <Text key={row.reason}>
          {cell(rejectReasonWords(row.reason), reasonWidth)}
          {row.byGate.map((n) => String(n).padStart(COLUMN)).join('')}
          {String(row.total).padStart(COLUMN)}
        </Text>
      ))}
      {more ? <Text dimColor>… and {more} more reasons</Text> : null}
    </Box>
  );
}
