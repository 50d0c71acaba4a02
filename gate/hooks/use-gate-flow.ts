/**
 * The gate's flow as a hook: the reducer of flow/gate-state plus the
 * effects that talk to the outside — reading the card and checking all its
 * tickets at once (CheckTickets), asking about the chosen ticket
 * (RedeemTicket, dry_run for "check only"), through the off-line link when the
 * gate has one (gate/offline/, SPEC §9), and writing the entry onto the card
 * after an admission.
 */
import { useEffect, useReducer } from 'react';
import type { Card } from '../../card/card.js';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import { useCardReader } from '../../terminal/card/CardReaderProvider.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { describeCenterError } from '../../terminal/center-errors.js';
import { cardProblem } from '../flow/card-problem.js';
import {
  gateReducer,
  initialGateState,
  type GateAction,
  type GateState,
  type Outcome,
  type PresentedCard,
} from '../flow/gate-state.js';
import type { OfflineGate } from '../offline/offline-gate.js';

export interface GateFlowDeps {
  readonly center: CenterClient;
  readonly gateId: string;
  readonly offline?: OfflineGate;
  readonly direction?: 'entry' | 'exit';
}

export function useGateFlow({
  center,
  gateId,
  offline,
  direction = 'entry',
}: GateFlowDeps): [GateState, (action: GateAction) => void] {
  const reader = useCardReader();
  const [state, dispatch] = useReducer(gateReducer, initialGateState);
  const { phase } = state;

  useEffect(() => {
    if (phase.kind !== 'reading') return;
    const abort = new AbortController();
    // A reader with events has already handed over the card it noticed: one wait per presentation.
    readCard(phase.card ?? reader.waitForCard({ signal: abort.signal }), { center, gateId, offline, direction }).then(
      (card) => !abort.signal.aborted && dispatch({ type: 'read', card }),
      (error) => !abort.signal.aborted && dispatch({ type: 'read-failed', message: cardProblem(error) }),
    );
    return () => abort.abort();
  }, [phase, reader, center, gateId, offline, direction]);

  useEffect(() => {
    if (phase.kind !== 'asking') return;
    let cancelled = false;
    const { card, highlighted, dryRun } = phase;
    ask(card, highlighted, dryRun, { center, gateId, offline, direction }).then(
      (outcome) => {
        if (cancelled) return;
        dispatch({ type: 'answered', outcome });
        if (!dryRun) writeAdmissionEntry(card, highlighted, outcome, { gateId, offline });
      },
      (error) =>
        !cancelled &&
        dispatch({
          type: 'answered',
          outcome: { kind: 'unreachable', problem: describeCenterError(error, center.address, 'attendant') },
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [phase, center, gateId, offline, direction]);

  return [state, dispatch];
}

/**
 * After an admission, on line or off, the entry goes onto the card (SPEC §9). It starts as the verdict is
 * dispatched, before any key can be pressed on it: the card runs its writes in order, so an "u — not through"
 * that drops the entry again always comes after it.
 */
function writeAdmissionEntry(
  card: PresentedCard,
  highlighted: number,
  outcome: Outcome,
  { gateId, offline }: { readonly gateId: string; readonly offline?: OfflineGate },
): void {
  const ticketId = card.tickets[highlighted]?.ticket?.ticketId;
  if (outcome.kind !== 'answer' || !outcome.response.admitted || !card.source?.addEntry || !ticketId) return;
  // A card taken off before this finishes still admitted its buyer: the center or the journal has the entry,
  // and the off-line link writes it onto the card the next time it is read here.
  const entry = {
    ticketId,
    gateId,
    at: outcome.offline?.decidedAt ?? new Date(),
    direction: outcome.response.direction === Direction.DIRECTION_EXIT ? 'exit' : 'entry',
    reentry: outcome.response.reentry,
  } as const;
  const written = offline ? offline.writeEntry(card.source, entry) : card.source.addEntry(entry);
  written.catch(() => undefined);
}

interface Asker {
  readonly center: CenterClient;
  readonly gateId: string;
  readonly offline?: OfflineGate;
  readonly direction: 'entry' | 'exit';
}

async function ask(card: PresentedCard, index: number, dryRun: boolean, asker: Asker): Promise<Outcome> {
  const { center, gateId, offline, direction } = asker;
  const ticket = card.tickets[index]!;
  if (!offline) {
    const wire = direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY;
    const response = await center.redeemTicket({ gateId, cardId: card.cardId, ticket, dryRun, direction: wire });
    return { kind: 'answer', response };
  }
  const answer = await offline.redeem({
    cardId: card.cardId,
    ticket,
    dryRun,
    direction,
    cardEntries: card.entries ?? [],
  });
  if (!answer.offline) return { kind: 'answer', response: answer.response };
  const { since, entry, cannotJudge } = answer.offline;
  return {
    kind: 'answer',
    response: answer.response,
    offline: { since, entryId: entry?.entryId, decidedAt: entry?.decidedAt, cannotJudge },
  };
}

/** Reads the card and asks the center about every ticket on it in one call. */
async function readCard(presented: Card | Promise<Card>, asker: Asker): Promise<PresentedCard> {
  const { center, gateId, offline, direction } = asker;
  const card = await presented;
  const { image, copied, entries: read0 = [] } = await card.read();
  // Entries this gate owes the card (it was taken off too soon last time) are written now.
  const entries = offline && !copied ? await offline.catchUp(card, read0) : read0;
  const read = { cardId: card.id, imageCardId: image.cardId, copied, tickets: image.tickets, entries, source: card };
  if (image.tickets.length === 0) return read;
  try {
    // The copied card's own id is sent, so the center answers WRONG_CARD for its tickets.
    if (offline) {
      const { results, offline: alone } = await offline.check(card.id, image.tickets, direction, entries);
      return { ...read, checks: results, checkedOffline: alone };
    }
    const wire = direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY;
    const checks = await center.checkTickets({ gateId, cardId: card.id, tickets: image.tickets, direction: wire });
    return { ...read, checks };
  } catch (error) {
    return { ...read, checkProblem: describeCenterError(error, center.address, 'attendant') };
  }
}
