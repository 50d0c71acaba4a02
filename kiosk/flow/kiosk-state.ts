/**
 * The kiosk's phases and how the buyer's keys and the center's answers move
 * between them, as a pure reducer. Each phase holds exactly what its screen
 * needs, so that wiping (idle timeout, Esc back past payment, a purchase
 * call returning) is a phase that no longer has the data, and cannot be
 * forgotten. Ids are made by whoever dispatches (the idempotency key comes
 * with 'confirm'), never here.
 */
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import type { Purchase, Unavailability } from '../../gen/cardgate/v1/sales.js';
import { formatMoney } from '../../terminal/format.js';
import { EMPTY_BUYER, type BuyerInput } from '../buyer.js';
import { EMPTY_PAYMENT, type PaymentInput } from '../payment.js';
import type { NextStep } from '../unavailable-words.js';
import type { WriteJob } from '../write-tickets.js';

/** The IC card read on the quantity screen: its id goes into the purchase, its free space bounds the quantity. */
export interface CardSpace {
  readonly id: string;
  readonly freeBytes: number;
}

/** What the buyer entered before paying, kept while they go back and forth (until Home). */
export interface Draft {
  readonly quantity: number;
  readonly buyer: BuyerInput;
}

/** A purchase ready for payment: what, how many, onto which card, for whom. */
export interface Order extends Draft {
  readonly product: Product;
  readonly card: CardSpace;
}

export type KioskPhase =
  | { readonly kind: 'home' }
  | { readonly kind: 'catalog'; readonly draft: Draft }
  | { readonly kind: 'quantity'; readonly draft: Draft; readonly product: Product }
  | { readonly kind: 'buyer'; readonly order: Order }
  /** Card data (`payment`) exists only in these three phases: between the payment screen and the purchase call's answer. */
  | { readonly kind: 'payment' | 'review'; readonly order: Order; readonly payment: PaymentInput }
  /** `idempotencyKey`: made on confirm, sent with every retry of this same request, dropped with the outcome. */
  | {
      readonly kind: 'processing';
      readonly order: Order;
      readonly payment: PaymentInput;
      readonly idempotencyKey: string;
    }
  | { readonly kind: 'unavailable'; readonly order: Order; readonly unavailable: Unavailability }
  | { readonly kind: 'writing'; readonly job: WriteJob }
  | { readonly kind: 'my-card' }
  | { readonly kind: 'recover' };

export type Paying = Extract<KioskPhase, { kind: 'processing' }>;

export type KioskAction =
  | { readonly type: 'open'; readonly screen: 'catalog' | 'my-card' | 'recover' }
  | { readonly type: 'choose-product'; readonly product: Product }
  | { readonly type: 'set-quantity'; readonly quantity: number; readonly card: CardSpace }
  | { readonly type: 'set-buyer'; readonly buyer: BuyerInput }
  | { readonly type: 'set-payment'; readonly payment: PaymentInput }
  /** Esc: one screen back; back from payment the card data is wiped. */
  | { readonly type: 'back' }
  /** Enter on review; a second one finds the purchase already under way. */
  | { readonly type: 'confirm'; readonly idempotencyKey: string }
  | { readonly type: 'purchased'; readonly purchase: Purchase }
  | { readonly type: 'unavailable'; readonly unavailable: Unavailability }
  /** The buyer gave up after a network error: back to payment, card data wiped. */
  | { readonly type: 'abandon' }
  /** A way forward from the unavailable screen. */
  | { readonly type: 'next'; readonly next: NextStep }
  | { readonly type: 'recovered'; readonly job: WriteJob }
  /** Idle timeout or "done": everything entered is forgotten. */
  | { readonly type: 'reset' };

export const HOME: KioskPhase = { kind: 'home' };
const FRESH: Draft = { quantity: 1, buyer: EMPTY_BUYER };
const draftOf = ({ quantity, buyer }: Draft): Draft => ({ quantity, buyer });

export function kioskReducer(phase: KioskPhase, action: KioskAction): KioskPhase {
  switch (action.type) {
    case 'open':
      return action.screen === 'catalog' ? { kind: 'catalog', draft: FRESH } : { kind: action.screen };
    case 'choose-product':
      return phase.kind === 'catalog'
        ? { kind: 'quantity', draft: { ...phase.draft, quantity: 1 }, product: action.product }
        : phase;
    case 'set-quantity':
      return phase.kind === 'quantity'
        ? {
            kind: 'buyer',
            order: { ...phase.draft, quantity: action.quantity, product: phase.product, card: action.card },
          }
        : phase;
    case 'set-buyer':
      return phase.kind === 'buyer'
        ? { kind: 'payment', order: { ...phase.order, buyer: action.buyer }, payment: EMPTY_PAYMENT }
        : phase;
    case 'set-payment':
      return phase.kind === 'payment' ? { kind: 'review', order: phase.order, payment: action.payment } : phase;
    case 'back':
      return back(phase);
    case 'confirm':
      return phase.kind === 'review'
        ? { kind: 'processing', order: phase.order, payment: phase.payment, idempotencyKey: action.idempotencyKey }
        : phase;
    case 'purchased':
      return phase.kind === 'processing' ? { kind: 'writing', job: purchasedJob(phase.order, action.purchase) } : phase;
    case 'unavailable':
      return phase.kind === 'processing'
        ? { kind: 'unavailable', order: phase.order, unavailable: action.unavailable }
        : phase;
    case 'abandon':
      return phase.kind === 'processing' ? { kind: 'payment', order: phase.order, payment: EMPTY_PAYMENT } : phase;
    case 'next':
      // From a refusal, or from the review when sales closed while the buyer checked it (nothing was sent).
      return phase.kind === 'unavailable' || phase.kind === 'review' ? next(phase.order, action.next) : phase;
    case 'recovered':
      return { kind: 'writing', job: action.job };
    case 'reset':
      return HOME;
  }
}

function back(phase: KioskPhase): KioskPhase {
  switch (phase.kind) {
    case 'quantity':
      return { kind: 'catalog', draft: phase.draft };
    case 'buyer':
      return { kind: 'quantity', draft: draftOf(phase.order), product: phase.order.product };
    case 'payment':
      return { kind: 'buyer', order: phase.order };
    case 'review':
      return { kind: 'payment', order: phase.order, payment: phase.payment };
    default:
      return phase;
  }
}

function next(order: Order, step: NextStep): KioskPhase {
  switch (step) {
    case 'payment':
    case 'retry':
      return { kind: 'payment', order, payment: EMPTY_PAYMENT };
    case 'quantity':
      return { kind: 'quantity', draft: draftOf(order), product: order.product };
    case 'catalog':
      return { kind: 'catalog', draft: draftOf(order) };
    case 'my-card':
      return { kind: 'my-card' };
  }
}

function purchasedJob(order: Order, purchase: Purchase): WriteJob {
  const receipt = `${formatMoney(purchase.total)} paid with ${purchase.cardBrand} •••• ${purchase.cardLast4}`;
  return { orderId: purchase.orderId, cardId: order.card.id, tickets: purchase.tickets, fromPurchase: true, receipt };
}
