import { useApp } from 'ink';
import type { CardReader } from '../card/card.js';
import { CardReaderProvider } from '../terminal/card/CardReaderProvider.js';
import { useCardPresence } from '../terminal/card/use-card-presence.js';
import type { CenterClient } from '../terminal/center-client.js';
import { useCenterStatus } from '../terminal/hooks/use-center-status.js';
import { KeysRoot, useKeys } from '../terminal/hooks/use-keys.js';
import { isRetryKey } from '../terminal/components/CenterBanner.js';
import { cardProblem } from './flow/card-problem.js';
import { annulWords } from './flow/annul-words.js';
import { useGateFlow } from './hooks/use-gate-flow.js';
import { useOfflineStatus } from './hooks/use-offline-status.js';
import type { OfflineGate } from './offline/offline-gate.js';
import { usePrinting } from './hooks/use-printing.js';
import type { TicketPrinter } from './printing/ticket-printer.js';
import { BusyScreen } from './screens/BusyScreen.js';
import { CardErrorScreen } from './screens/CardErrorScreen.js';
import { TicketMenuScreen } from './screens/TicketMenuScreen.js';
import { VerdictScreen } from './screens/VerdictScreen.js';
import { WaitingScreen } from './screens/WaitingScreen.js';

export interface GateAppProps {
  readonly center: CenterClient;
  readonly reader: CardReader;
  readonly gateId: string;
  /** Prints a paper ticket on each admission when set (--print). */
  readonly printer?: TicketPrinter;
  /** Seconds a verdict stays before the gate goes back to waiting (default 8). */
  readonly verdictSeconds?: number;
  /** How often the center's reachability is checked (default 5000 ms). */
  readonly statusIntervalMs?: number;
  /**
   * Called when the attendant closes the console with q. Without it, q exits
   * the Ink app; a launcher that shows <GateApp> inside its own tree passes
   * one to get back to its menu.
   */
  readonly onExit?: () => void;
  /** The off-line link (SPEC §9): without it the gate admits nobody while the center is unreachable. */
  readonly offline?: OfflineGate;
  /** Entry (the default) or exit (SPEC §10). */
  readonly direction?: 'entry' | 'exit';
}

/** The gate attendant's console (SPEC §2 steps 7-10): waiting, ticket menu, verdict; q or Ctrl+C quits. */
export function GateApp(props: GateAppProps) {
  // One keyboard subscription for all its screens (terminal/hooks/use-keys.ts).
  return (
    <CardReaderProvider reader={props.reader}>
      <KeysRoot>
        <GateScreens {...props} />
      </KeysRoot>
    </CardReaderProvider>
  );
}

function GateScreens({
  center,
  reader,
  gateId,
  printer,
  verdictSeconds = 8,
  statusIntervalMs,
  onExit,
  offline,
  direction = 'entry',
}: GateAppProps) {
  const { exit } = useApp();
  const whoAmI = useCenterStatus(center, { intervalMs: statusIntervalMs, role: 'gate' });
  const offlineStatus = useOfflineStatus(offline);
  // The retry keys ask both: WhoAmI (the token) and the manifest poll (on line again).
  const status = {
    ...whoAmI,
    retry: () => {
      whoAmI.retry();
      offline?.retry();
    },
  };
  useKeys((input) => {
    if (isRetryKey(input) && (status.state === 'offline' || offlineStatus?.online === false)) status.retry();
  });
  const [state, dispatch] = useGateFlow({ center, gateId, offline, direction });
  const { phase } = state;
  const presence = useCardPresence({
    wanted: phase.kind === 'waiting',
    showing: phase.kind === 'menu' || phase.kind === 'verdict' ? phase.card.cardId : undefined,
    // A card being read, or one that could not be read, has no id on screen: any card leaving ends it.
    anyRemoval: phase.kind === 'reading' || phase.kind === 'card-error',
    onCard: (card) => dispatch({ type: 'present', card }),
    onUnusable: (error) => dispatch({ type: 'unusable', message: cardProblem(error) }),
    onRemoved: () => dispatch({ type: 'removed' }),
  });
  const printing = usePrinting(printer, phase, gateId);
  const frame = { gateId, center: status, counts: state, offline: offlineStatus, direction };
  const back = () => dispatch({ type: 'back' });

  switch (phase.kind) {
    case 'waiting':
      return (
        <WaitingScreen
          frame={frame}
          presence={presence}
          readerName={reader.name}
          lastPrint={printing.last}
          onPresent={() => dispatch({ type: 'present' })}
          onExit={onExit ?? (() => exit())}
        />
      );
    case 'reading':
      return (
        <BusyScreen
          frame={frame}
          title="Reading"
          words="Reading the card and asking the sales center about its tickets…"
          onCancel={back}
        />
      );
    case 'card-error':
      return (
        <CardErrorScreen
          frame={frame}
          message={phase.message}
          auto={presence.mode === 'auto'}
          onRetry={() => dispatch({ type: 'present' })}
          onBack={back}
        />
      );
    case 'menu':
      return (
        <TicketMenuScreen
          frame={frame}
          card={phase.card}
          highlighted={phase.highlighted}
          onUse={(index) => dispatch({ type: 'ask', dryRun: false, index })}
          onCheck={(index) => dispatch({ type: 'ask', dryRun: true, index })}
          onCancel={back}
          onRefresh={() => dispatch({ type: 'present' })}
        />
      );
    case 'asking': {
      const info = phase.card.tickets[phase.highlighted]?.ticket;
      return (
        <BusyScreen
          frame={frame}
          title={phase.dryRun ? 'Check only' : 'Verdict'}
          words={`Asking the sales center about ${info?.ticketId} (${info?.eventName})…`}
        />
      );
    }
    case 'verdict':
      return (
        <VerdictScreen
          frame={frame}
          card={phase.card}
          highlighted={phase.highlighted}
          dryRun={phase.dryRun}
          outcome={phase.outcome}
          seq={phase.seq}
          printerName={printer?.name}
          print={printing.of(phase.seq)}
          seconds={verdictSeconds}
          onNext={back}
          onAsk={(dryRun) => dispatch({ type: 'ask', dryRun })}
          onAnnul={() => annulWords(phase, { center, gateId, offline })}
        />
      );
  }
}
