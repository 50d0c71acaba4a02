/**
 * The gate's flow as a hook: the reducer of flow/gate-state plus the two
 * effects that talk to the outside — reading the card and checking all its
 * tickets at once (CheckTickets), and asking the center about the chosen
 * ticket (RedeemTicket, dry_run for "check only").
 */
import { useEffect, useReducer } from 'react';
import type { Card } from '../../card/card.js';
import { useCardReader } from '../../terminal/card/CardReaderProvider.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { describeCenterError } from '../../terminal/center-errors.js';
import { cardProblem } from '../flow/card-problem.js';
import {
  gateReducer,
  initialGateState,
  type GateAction,
  type GateState,
  type PresentedCard,
} from '../flow/gate-state.js';

export interface GateFlowDeps {
  readonly center: CenterClient;
  readonly gateId: string;
}

export function useGateFlow({ center, gateId }: GateFlowDeps): [GateState, (action: GateAction) => void] {
  const reader = useCardReader();
  const [state, dispatch] = useReducer(gateReducer, initialGateState);
  const { phase } = state;

  useEffect(() => {
    if (phase.kind !== 'reading') return;
    const abort = new AbortController();
    // A reader with events has already handed over the card it noticed: one wait per presentation.
    readCard(phase.card ?? reader.waitForCard({ signal: abort.signal }), center, gateId).then(
      (card) => !abort.signal.aborted && dispatch({ type: 'read', card }),
      (error) => !abort.signal.aborted && dispatch({ type: 'read-failed', message: cardProblem(error) }),
    );
    return () => abort.abort();
  }, [phase, reader, center, gateId]);

  useEffect(() => {
    if (phase.kind !== 'asking') return;
    let cancelled = false;
    const { card, highlighted, dryRun } = phase;
    center.redeemTicket({ gateId, cardId: card.cardId, ticket: card.tickets[highlighted]!, dryRun }).then(
      (response) => !cancelled && dispatch({ type: 'answered', outcome: { kind: 'answer', response } }),
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
  }, [phase, center, gateId]);

  return [state, dispatch];
}

/** Reads the card and asks the center about every ticket on it in one call. */
async function readCard(presented: Card | Promise<Card>, center: CenterClient, gateId: string): Promise<PresentedCard> {
  const card = await presented;
  const { image, copied } = await card.read();
  const read = { cardId: card.id, imageCardId: image.cardId, copied, tickets: image.tickets };
  if (image.tickets.length === 0) return read;
  try {
    // The copied card's own id is sent, so the center answers WRONG_CARD for its tickets.
    const checks = await center.checkTickets({ gateId, cardId: card.id, tickets: image.tickets });
    return { ...read, checks };
  } catch (error) {
    return { ...read, checkProblem: describeCenterError(error, center.address, 'attendant') };
  }
}
