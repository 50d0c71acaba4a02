import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { formatDateTime, formatTime } from '../../terminal/format.js';
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
  /** u on an admission ("not through", SPEC §10): undoes it; resolves with what happened, in words. */
  readonly onAnnul?: () => Promise<{ readonly ok: boolean; readonly words: string }>;
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
  onAnnul,
}: VerdictScreenProps) {
  const answer = outcome.kind === 'answer' ? outcome.response : undefined;
  const alone = outcome.kind === 'answer' ? outcome.offline : undefined;
  const annullable = Boolean(onAnnul && answer?.admitted && !dryRun);
  const [annul, setAnnul] = useState<{ readonly ok: boolean; readonly words: string } | 'asking'>();
  const timed = answer !== undefined && !dryRun && annul === undefined;
  const left = useCountdown(seconds, timed, seq, onNext);
  useKeys((input, key) => {
    if (annullable && input === 'u' && annul === undefined) {
      setAnnul('asking');
      onAnnul!().then(setAnnul, (error: unknown) => setAnnul({ ok: false, words: String(error) }));
    } else if (annul === 'asking') return;
    else if (!answer && input === 'r') onAsk(dryRun);
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
      : annullable && annul === undefined
        ? ([
            ['Enter', 'next card'],
            ['u', 'not through'],
          ] as const)
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
        {answer && !answer.admitted && !alone?.cannotJudge ? <Text>{reasonAdvice(answer)}</Text> : null}
        {alone ? <OfflineVerdictLine admitted={answer!.admitted} since={alone.since} /> : null}
        {annul === 'asking' ? <Text>Undoing this admission…</Text> : null}
        {annul && annul !== 'asking' ? (
          <Text color={annul.ok ? theme.ok : theme.bad} bold>
            {annul.ok ? '↶ ' : '✖ Not undone: '}
            {annul.words}
          </Text>
        ) : null}
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

/** An off-line verdict still says plainly whether to let the person in (SPEC §9). */
function OfflineVerdictLine({ admitted, since }: { readonly admitted: boolean; readonly since: Date }) {
  return (
    <Text color={theme.warn} bold>
      OFFLINE verdict (center unreachable since {formatTime(since)}): this gate checked the ticket on its own.{' '}
      {admitted ? 'It is safe to let the buyer in.' : 'Do not let the buyer in.'}
    </Text>
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
