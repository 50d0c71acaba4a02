import { Box, Text } from 'ink';
import { cell } from '../../terminal/format.js';
import { entriesPerMinute, refusalsAt, type AdmissionTally } from '../model/admission-tally.js';
import { fitRows } from '../model/row-budget.js';
import { Sparkline } from './Sparkline.js';

export interface GatesPanelProps {
  readonly tally: AdmissionTally;
  /** Every gate to show: those in the tally and those the center knows of. */
  readonly gateIds: readonly string[];
  readonly now: Date;
  readonly width: number;
  readonly rows: number;
}

const GATE = 8;
const NUMBERS = '  now  total  exits  refused';

/** Minutes the sparkline covers: half an hour on 80 columns, an hour where there is room. */
export const sparkMinutes = (width: number) => (width - GATE - NUMBERS.length - 2 >= 60 ? 60 : 30);

const number = (n: number, width: number) => String(n).padStart(width);

/** Per gate: entries per minute as a sparkline (oldest left, this minute right), this minute's, and the totals since counting began. */
export function GatesPanel({ tally, gateIds, now, width, rows }: GatesPanelProps) {
  const minutes = sparkMinutes(width);
  const { shown, more } = fitRows(gateIds, rows);
  return (
    <Box flexDirection="column">
      <Text bold>
        {cell('Gate', GATE)} {cell(`Entries/min, last ${minutes} minutes`, minutes)}
        {NUMBERS}
      </Text>
      {gateIds.length === 0 ? (
        <Text dimColor>no gate has admitted or refused anyone since the monitor started</Text>
      ) : null}
      {shown.map((id) => {
        const gate = tally.gates[id];
        const counts = entriesPerMinute(gate, now, minutes);
        return (
          <Text key={id}>
            {cell(id, GATE)} <Sparkline counts={counts} />
            {number(counts.at(-1)!, 5)}
            {number(gate?.entries ?? 0, 7)}
            {number(gate?.exits ?? 0, 7)}
            {number(refusalsAt(gate), 9)}
          </Text>
        );
      })}
      {more ? <Text dimColor>… and {more} more gates</Text> : null}
    </Box>
  );
}
