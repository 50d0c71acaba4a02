/**
 * The gate console's states and how keys and answers move between them, as
 * a pure reducer: waiting → reading → menu → asking → verdict → waiting
 * (a check-only verdict goes back to the menu). Effects live in use-gate-flow.
 */
import type { Card, CardEntry } from '../../card/card.js';
import type { RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';

/** A card as the gate read it. */
export interface PresentedCard {
  /** The card's own id: what the gate sends to the center. */
  readonly cardId: string;
  /** The id the image was written for; differs from cardId on a copied card. */
  readonly imageCardId: string;
  readonly copied: boolean;
  readonly tickets: readonly CardTicket[];
  /** One answer per ticket from CheckTickets, or undefined when the center could not be asked. */
  readonly checks?: readonly RedeemTicketResponse[];
  /** Why the tickets could not be checked, in words. */
  readonly checkProblem?: string;
  /** The checks were judged by this gate alone, off line (SPEC §9). */
  readonly checkedOffline?: boolean;
  /** The entries gates wrote on the card (SPEC §9). */
  readonly entries?: readonly CardEntry[];
  /** The card it was read from, to write this gate's entry onto after an admission. */
  readonly source?: Card;
}

/** A verdict the gate reached alone while the center was unreachable (SPEC §9). */
export interface OfflineNote {
  /** Since when the gate has been off line. */
  readonly since: Date;
  /** Its journal entry (a real decision). */
  readonly entryId?: string;
  /** When its journal says it decided: the card's entry carries the same time, so the two count once. */
  readonly decidedAt?: Date;
  /** The gate could not judge the ticket: why, in words to act on. */
  readonly cannotJudge?: string;
}

/** What the center said about the chosen ticket, or that it said nothing. */
export type Outcome =
  | { readonly kind: 'answer'; readonly response: RedeemTicketResponse; readonly offline?: OfflineNote }
  | { readonly kind: 'unreachable'; readonly problem: string };

export type Phase =
  | { readonly kind: 'waiting' }
  /** `card`: the card a reader with events reported; without it, the read waits for the card on the reader. */
  | { readonly kind: 'reading'; readonly card?: Card }
  | { readonly kind: 'card-error'; readonly message: string }
  /** `highlighted`: the row the menu opens on (it moves by itself, terminal/hooks/use-list-cursor.ts); from then on, the ticket asked about. */
  | { readonly kind: 'menu'; readonly card: PresentedCard; readonly highlighted: number }
  | { readonly kind: 'asking'; readonly card: PresentedCard; readonly highlighted: number; readonly dryRun: boolean }
  | {
      readonly kind: 'verdict';
      readonly card: PresentedCard;
      readonly highlighted: number;
      readonly dryRun: boolean;
      readonly outcome: Outcome;
      readonly seq: number;
    };

export interface GateState {
  readonly phase: Phase;
  /** Real redemptions since start (check-only answers are not counted). */
  readonly admitted: number;
  readonly rejected: number;
  /** Numbers each verdict, so effects (printing, timers) run once per verdict. */
  readonly verdicts: number;
}

export type GateAction =
  /** Space or Enter on the reader's card (`card` absent), or a card put on a reader that notices cards (`card`). */
  | { readonly type: 'present'; readonly card?: Card }
  /** A card put on such a reader that cannot be used: said at once. */
  | { readonly type: 'unusable'; readonly message: string }
  | { readonly type: 'read'; readonly card: PresentedCard }
  | { readonly type: 'read-failed'; readonly message: string }
  /** From the menu, about the ticket at `index` (default the one it opened on); from a verdict, about the same ticket again. */
  | { readonly type: 'ask'; readonly dryRun: boolean; readonly index?: number }
  | { readonly type: 'answered'; readonly outcome: Outcome }
  | { readonly type: 'back' }
  /** The card was taken off the reader: whatever was on screen for it is over. */
  | { readonly type: 'removed' };

export const initialGateState: GateState = { phase: { kind: 'waiting' }, admitted: 0, rejected: 0, verdicts: 0 };

/** The first ticket the center says is usable here, else the first ticket. */
export function firstUsable(card: PresentedCard): number {
  const index = card.checks?.findIndex((check) => check.admitted) ?? -1;
  return Math.max(index, 0);
}

export function gateReducer(state: GateState, action: GateAction): GateState {
  const { phase } = state;
  switch (action.type) {
    case 'present':
      // From the menu: read the card and ask the center again (after it did not answer).
      if (!(phase.kind === 'waiting' || phase.kind === 'card-error' || phase.kind === 'menu')) return state;
      return { ...state, phase: action.card ? { kind: 'reading', card: action.card } : { kind: 'reading' } };
    case 'unusable':
      return phase.kind === 'waiting' ? { ...state, phase: { kind: 'card-error', message: action.message } } : state;
    case 'read':
      return phase.kind === 'reading'
        ? { ...state, phase: { kind: 'menu', card: action.card, highlighted: firstUsable(action.card) } }
        : state;
    case 'read-failed':
      return phase.kind === 'reading' ? { ...state, phase: { kind: 'card-error', message: action.message } } : state;
    case 'ask': {
      // From the menu; again after no answer; or "use it now" after a check.
      if (!(
        phase.kind === 'menu' ||
        (phase.kind === 'verdict' && (phase.dryRun || phase.outcome.kind === 'unreachable'))
      ))
        return state;
      const highlighted = phase.kind === 'menu' ? (action.index ?? phase.highlighted) : phase.highlighted;
      if (highlighted < 0 || highlighted >= phase.card.tickets.length) return state;
      return { ...state, phase: { kind: 'asking', card: phase.card, highlighted, dryRun: action.dryRun } };
    }
    case 'answered':
      return phase.kind === 'asking' ? answered(state, phase, action.outcome) : state;
    case 'back':
      return back(state);
    case 'removed':
      // While reading, the read is abandoned (it would fail anyway): the card is read again when it is put back.
      return phase.kind === 'menu' ||
        phase.kind === 'verdict' ||
        phase.kind === 'card-error' ||
        phase.kind === 'reading'
        ? { ...state, phase: { kind: 'waiting' } }
        : state;
  }
}

function answered(state: GateState, phase: Extract<Phase, { kind: 'asking' }>, outcome: Outcome): GateState {
  const counted = outcome.kind === 'answer' && !phase.dryRun;
  const admitted = counted && outcome.response.admitted;
  return {
    admitted: state.admitted + (admitted ? 1 : 0),
    rejected: state.rejected + (counted && !admitted ? 1 : 0),
    verdicts: state.verdicts + 1,
    phase: {
      kind: 'verdict',
      card: phase.card,
      highlighted: phase.highlighted,
      dryRun: phase.dryRun,
      outcome,
      seq: state.verdicts + 1,
    },
  };
}

/** Esc, a key on a verdict, its timer, or the card taken away: one step back towards waiting. */
function back(state: GateState): GateState {
  const { phase } = state;
  const toMenu = phase.kind === 'verdict' && (phase.dryRun || phase.outcome.kind === 'unreachable');
  if (toMenu) return { ...state, phase: { kind: 'menu', card: phase.card, highlighted: phase.highlighted } };
  if (phase.kind === 'asking') return state; // the question is out; wait for the answer
  return { ...state, phase: { kind: 'waiting' } };
}
