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

/**
 * `seatsLeft`: the event's seats left now, as the live catalog has them: with none left, choosing
 * fewer tickets cannot help and the way forward is another event.
 */
export function unavailableWords(reason: R, seatsLeft?: number): UnavailableWords {
  switch (reason) {
    case R.UNAVAILABILITY_REASON_SOLD_OUT:
      if (seatsLeft === 0)
        return {
          title: 'This event has sold out',
          explanation: 'Someone else bought the last seats first.',
          next: ['catalog'],
        };
      return {
        title: 'Not enough seats left',
        explanation: 'Someone else bought the last seats first.',
        next: ['quantity', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_PAYMENT_DECLINED:
      return {
        title: 'Your card was declined',
        explanation: 'The card issuer did not accept the payment.',
        next: ['payment', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_INSUFFICIENT_FUNDS:
      return {
        title: 'Not enough funds on this card',
        explanation: 'The card issuer declined for insufficient funds.',
        next: ['payment', 'quantity', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_CARD_EXPIRED:
      return {
        title: 'This credit card has expired',
        explanation: 'Its expiry date is in the past.',
        next: ['payment', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_INVALID_CARD:
      return {
        title: 'The card details are not valid',
        explanation: 'The card number, expiry date or security code was not accepted.',
        next: ['payment', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_SALES_CLOSED:
      return {
        title: 'Sales have closed',
        explanation: 'Tickets for this event are no longer sold.',
        next: ['catalog'],
      };
    case R.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE:
      return {
        title: 'The payment service did not answer',
        explanation: 'It could not be reached in time.',
        next: ['retry', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_CARD_FULL:
      return {
        title: 'Your IC card is full',
        explanation: 'These tickets do not fit in the free space on your IC card.',
        next: ['quantity', 'my-card', 'catalog'],
      };
    case R.UNAVAILABILITY_REASON_TOO_MANY_DECLINES:
      return {
        title: 'Card payments are paused at this kiosk',
        explanation:
          'Too many cards were declined here in a short time. Please try again later, or ask a member of staff.',
        next: ['catalog'],
      };
    default:
      return {
        title: 'The tickets could not be bought',
        explanation: 'The sales center did not sell them.',
        next: ['catalog'],
      };
  }
}

/** The key and words for each way forward. */
export const NEXT_STEPS: Record<NextStep, readonly [key: string, words: string]> = {
  payment: ['c', 'pay with another credit card'],
  quantity: ['f', 'choose fewer tickets'],
  catalog: ['e', 'choose another event'],
  'my-card': ['m', 'clear used tickets off your IC card'],
  retry: ['c', 'enter the card again and retry'],
};
