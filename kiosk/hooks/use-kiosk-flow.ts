/**
 * The kiosk's state: which screen is showing and what the buyer has entered
 * so far. One reducer, so that wiping (idle timeout, Esc back past payment,
 * a purchase call returning) is one place and cannot be forgotten.
 */
import { randomUUID } from 'node:crypto';
import { useReducer } from 'react';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import type { Purchase, Unavailability } from '../../gen/cardgate/v1/sales.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { formatMoney } from '../../terminal/format.js';
import { EMPTY_BUYER, type BuyerInput } from '../buyer.js';
import { EMPTY_PAYMENT, type PaymentInput } from '../payment.js';

export type Step = 'home' | 'catalog' | 'quantity' | 'buyer' | 'payment' | 'review' | 'processing' | 'unavailable' | 'writing' | 'my-card' | 'recover';

/** Tickets to put onto a card: a fresh purchase or a recovered order. */
export interface WriteJob {
  readonly orderId: string;
  /** The card the tickets were issued to; they are written to no other. */
  readonly cardId: string;
  readonly tickets: readonly CardTicket[];
  readonly fromPurchase: boolean;
  /** "€136.00 paid with VISA •••• 4242", for a fresh purchase. */
  readonly receipt?: string;
}

export interface KioskState {
  readonly step: Step;
  readonly product?: Product;
  readonly quantity: number;
  /** The IC card read on the quantity screen: its id goes into the purchase, its free space bounds the quantity. */
  readonly card?: { readonly id: string; readonly freeBytes: number };
  readonly buyer: BuyerInput;
  /** Card data: only between the payment screen and the purchase call's answer. */
  readonly payment: PaymentInput;
  /** Made on the first confirm and reused by every retry of that same request; dropped with the outcome. */
  readonly idempotencyKey?: string;
  readonly unavailable?: Unavailability;
  readonly job?: WriteJob;
}

export type KioskAction =
  | { type: 'go'; step: Step }
  | { type: 'choose-product'; product: Product }
  | { type: 'set-quantity'; quantity: number; card: { id: string; freeBytes: number } }
  | { type: 'set-buyer'; buyer: BuyerInput }
  | { type: 'set-payment'; payment: PaymentInput }
  /** Esc on the payment screen: back to buyer details, card data wiped. */
  | { type: 'leave-payment' }
  | { type: 'confirm' }
  | { type: 'purchased'; purchase: Purchase }
  | { type: 'unavailable'; unavailable: Unavailability }
  /** The buyer gave up after a network error. */
  | { type: 'abandon' }
  | { type: 'recovered'; job: WriteJob }
  /** Idle timeout or "done": everything entered is forgotten. */
  | { type: 'reset' };

export const INITIAL: KioskState = { step: 'home', quantity: 1, buyer: EMPTY_BUYER, payment: EMPTY_PAYMENT };

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'go':
      return { ...state, step: action.step };
    case 'choose-product':
      return { ...state, step: 'quantity', product: action.product, quantity: 1 };
    case 'set-quantity':
      return { ...state, step: 'buyer', quantity: action.quantity, card: action.card };
    case 'set-buyer':
      return { ...state, step: 'payment', buyer: action.buyer };
    case 'set-payment':
      return { ...state, step: 'review', payment: action.payment };
    case 'leave-payment':
      return { ...state, step: 'buyer', payment: EMPTY_PAYMENT };
    case 'confirm':
      if (state.step !== 'review') return state; // a second Enter cannot submit twice
      return { ...state, step: 'processing', idempotencyKey: state.idempotencyKey ?? randomUUID() };
    case 'purchased': {
      const { purchase } = action;
      const paid = `${formatMoney(purchase.total)} paid with ${purchase.cardBrand} •••• ${purchase.cardLast4}`;
      const job: WriteJob = { orderId: purchase.orderId, cardId: state.card!.id, tickets: purchase.tickets, fromPurchase: true, receipt: paid };
      return { ...state, step: 'writing', payment: EMPTY_PAYMENT, idempotencyKey: undefined, job };
    }
    case 'unavailable':
      return { ...state, step: 'unavailable', payment: EMPTY_PAYMENT, idempotencyKey: undefined, unavailable: action.unavailable };
    case 'abandon':
      return { ...state, step: 'payment', payment: EMPTY_PAYMENT, idempotencyKey: undefined };
    case 'recovered':
      return { ...INITIAL, step: 'writing', job: action.job };
    case 'reset':
      return INITIAL;
  }
}

export function useKioskFlow() {
  return useReducer(kioskReducer, INITIAL);
}
