/** A ticket as presented at a gate: exactly as read from the card, with where it is presented. */
import { BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';

export interface PresentedTicket {
  readonly cardTicket: CardTicket;
  /** The card it is presented on (the card's own id, not the one its image names). */
  readonly cardId: string;
  /** The gate it is presented at; '' for none (a kiosk checking its card). */
  readonly gateId: string;
  /** Which way it goes through the gate. */
  readonly direction: 'entry' | 'exit';
  /** The card's TicketInfo and BuyerIdentification, encoded: compared byte for byte with what was issued. */
  readonly info: Buffer;
  readonly buyer: Buffer;
}

const NO_INFO = TicketInfo.fromPartial({});
const NO_BUYER = BuyerIdentification.fromPartial({});

export function presentTicket(
  cardTicket: CardTicket,
  cardId: string,
  gateId: string,
  direction: 'entry' | 'exit' = 'entry',
): PresentedTicket {
  return {
    cardTicket,
    cardId,
    gateId,
    direction,
    info: Buffer.from(TicketInfo.encode(cardTicket.ticket ?? NO_INFO).finish()),
    buyer: Buffer.from(BuyerIdentification.encode(cardTicket.buyerIdentification ?? NO_BUYER).finish()),
  };
}
