import { Box, Text } from 'ink';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { formatDateTime } from '../../terminal/format.js';
import { theme } from '../../terminal/theme.js';
import { GateFrame } from '../components/GateFrame.js';
import { VerdictBanner, type VerdictLook } from '../components/VerdictBanner.js';
import type { Outcome, PresentedCard } from '../flow/gate-state.js';
import { reasonAdvice, reasonWords } from '../flow/reason-words.js';
import { useCountdown } from '../hooks/use-countdown.js';
import type { PrintStatus } from '../hooks/use-printing.js';
import type { FrameProps } from './WaitingScreen.js';

export interface VerdictScreenProps {
  readonly frame: FrameProps;
  readonly card: PresentedCard;
  readonly highlighted: number;
  readonly dryRun: boolean;
  readonly outcome: Outcome;
  readonly seq: number;
  /** Set when the gate prints (--print). */
  readonly printerName?: string;
  readonly print?: PrintStatus;
  /** Seconds before a real verdict goes back to waiting by itself. */
  readonly seconds: number;
  readonly onNext: () => void;
  /** Ask again: a real use after a check, or the same question after no answer. */
  readonly onAsk: (dryRun: boolean) => void;
}

/** ADMIT or REJECTED (claims 5, 17, 23, 24): big, coloured, with the buyer's name and a reason the attendant can act on. */
export function VerdictScreen({
  frame,
  card,
  highlighted,
  dryRun,
  outcome,
  seq,
  printerName,
  print,
  seconds,
  onNext,
  onAsk,
}: VerdictScreenProps) {
  const answer = outcome.kind === 'answer' ? outcome.response : undefined;
  const timed = answer !== undefined && !dryRun;
  const left = useCountdown(seconds, timed, seq, onNext);
  useKeys((input, key) => {
    if (!answer && input === 'r') onAsk(dryRun);
    else if (dryRun && answer && key.return) onAsk(false);
    else if (key.escape || key.return || input === ' ') onNext();
  });

  const ticket = card.tickets[highlighted]!;
  const info = ticket.ticket;
  const buyer = ticket.buyerIdentification?.buyerName ?? '';
  const look: VerdictLook = !answer
    ? 'no-answer'
    : dryRun
      ? answer.admitted
        ? 'valid'
        : 'invalid'
      : answer.admitted
        ? 'admit'
        : 'reject';
  const reason = answer ? reasonWords(answer) : '';
  const line = !answer ? 'nothing was admitted' : answer.admitted ? buyer : reason;
  const keys = !answer
    ? ([
        ['r', 'ask again'],
        ['Esc', 'back to tickets'],
      ] as const)
    : dryRun
      ? answer.admitted
        ? ([
            ['Enter', 'use it now'],
            ['Esc', 'back to tickets'],
          ] as const)
        : ([['Esc', 'back to tickets']] as const)
      : ([['Enter', 'next card']] as const);
  return (
    <GateFrame {...frame} title={dryRun ? 'Check only' : 'Verdict'} keys={keys}>
      <VerdictBanner look={look} line={line} />
      <Box flexDirection="column" marginTop={1}>
        {dryRun ? (
          <Text color={theme.warn} bold>
            Check only: this ticket was NOT used.
          </Text>
        ) : null}
        <Text wrap="truncate-end">
          <Text bold>{info?.eventName}</Text> · {formatDateTime(info?.startsAt)} · {info?.seat} · {info?.ticketId}
        </Text>
        <Text>
          Buyer: <Text bold>{buyer}</Text>
          {answer?.admitted ? <Text dimColor> (check ID if asked)</Text> : null}
        </Text>
        {answer?.admitted && !dryRun && answer.entriesLeft > 0 ? (
          <Text>
            This ticket admits {answer.entriesLeft} more time{answer.entriesLeft === 1 ? '' : 's'}.
          </Text>
        ) : null}
        {answer && !answer.admitted ? <Text>{reasonAdvice(answer)}</Text> : null}
        {!answer ? (
          <Text color={theme.warn}>
            {outcome.kind === 'unreachable' ? outcome.problem : ''} Do not let the buyer in yet.
          </Text>
        ) : null}
        {answer && !dryRun && printerName ? (
          <PrintLine admitted={answer.admitted} printerName={printerName} print={print} />
        ) : null}
        {timed ? <Text dimColor>Next card in {left} s (Enter now)</Text> : null}
      </Box>
    </GateFrame>
  );
}

/** Whether the paper ticket printed, or that a refused ticket cannot be issued (claim 18). */
function PrintLine({
  admitted,
  printerName,
  print,
}: {
  readonly admitted: boolean;
  readonly printerName: string;
  readonly print?: PrintStatus;
}) {
  if (!admitted) return <Text color={theme.bad}>No paper ticket: this ticket cannot be issued.</Text>;
  if (!print || print.state === 'printing') return <Text>Paper ticket: printing on {printerName}…</Text>;
  return (
    <Text color={print.result.ok ? theme.ok : theme.bad} bold={!print.result.ok}>
      {print.result.ok ? '✔ ' : '✖ Print failed: '}
      {print.result.words}
    </Text>
  );
}
