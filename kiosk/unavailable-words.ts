/** What each unavailability reason means to a buyer and what they can do next (SPEC §2 step 5). */
import { UnavailabilityReason as R } from '../gen/cardgate/v1/sales.js';

/** Where the buyer can go from the unavailable screen. */
export type NextStep = 'payment' | 'quantity' | 'catalog' | 'my-card' | 'retry';

export interface UnavailableWords {
  readonly title: string;
  readonly explanation: string;
  /** The offered ways forward, first is the default (Enter). */
  readonly next: readonly NextStep[];
}

/** A row of WORDS: title, explanation, ways forward. */
const words = (title: string, explanation: string, ...next: NextStep[]): UnavailableWords => ({
  title,
  explanation,
  next,
});

const WORDS: Partial<Record<R, UnavailableWords>> = {
  [R.UNAVAILABILITY_REASON_SOLD_OUT]: words(
    'Not enough seats left',
    'Someone else bought the last seats first.',
    'quantity',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_PAYMENT_DECLINED]: words(
    'Your card was declined',
    'The card issuer did not accept the payment.',
    'payment',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS]: words(
    'Not enough funds on this card',
    'The card issuer declined for insufficient funds.',
    'payment',
    'quantity',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_CARD_EXPIRED]: words(
    'This credit card has expired',
    'Its expiry date is in the past.',
    'payment',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_INVALID_CARD]: words(
    'The card details are not valid',
    'The card number, expiry date or security code was not accepted.',
    'payment',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_SALES_CLOSED]: words(
    'Sales have closed',
    'Tickets for this event are no longer sold.',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE]: words(
    'The payment service did not answer',
    'It could not be reached in time.',
    'retry',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_CARD_FULL]: words(
    'Your IC card is full',
    'These tickets do not fit in the free space on your IC card.',
    'quantity',
    'my-card',
    'catalog',
  ),
  [R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES]: words(
    'Card payments are paused at this kiosk',
    'Too many cards were declined here in a short time. Please try again later, or ask a member of staff.',
    'catalog',
  ),
};

const SOLD_OUT_NONE_LEFT = words('This event has sold out', 'Someone else bought the last seats first.', 'catalog');
const NOT_BOUGHT = words('The tickets could not be bought', 'The sales center did not sell them.', 'catalog');

/**
 * `seatsLeft`: the event's seats left now, as the live catalog has them: with none left, choosing
 * fewer tickets cannot help and the way forward is another event.
 */
export function unavailableWords(reason: R, seatsLeft?: number): UnavailableWords {
  if (reason === R.UNAVAILABILITY_REASON_SOLD_OUT && seatsLeft === 0) return SOLD_OUT_NONE_LEFT;
  return WORDS[reason] ?? NOT_BOUGHT;
}

/** The key and words for each way forward. */
export const NEXT_STEPS: Record<NextStep, readonly [key: string, words: string]> = {
  payment: ['c', 'pay with another credit card'],
  quantity: ['f', 'choose fewer tickets'],
  catalog: ['e', 'choose another event'],
  'my-card': ['m', 'clear used tickets off your IC card'],
  retry: ['c', 'enter the card again and retry'],
};
