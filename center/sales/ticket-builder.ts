/**
 * Builds what the center issues for an order (SPEC §2 step 4): the buyer
 * identification and, per ticket, the ticket information and additional
 * information, ready to be encoded, stored, signed and written to the card.
 */
import { AdditionalInfo, BuyerIdentification, TicketInfo } from '../../gen/cardgate/v1/ticket.js';
import type { Product } from '../catalog/product.entity.js';
import { ticketsBytes } from '../../card/capacity.js';
import { additionalInfo, ORDER_LINE_SEPARATOR, orderLine, ticketInfo } from '../../card/ticket-fields.js';
import { newId } from '../ids.js';
import type { OrderLine } from './order.entity.js';

export interface IssuedTicket {
  readonly info: TicketInfo;
  readonly additionalInfo: AdditionalInfo;
}

export interface OrderDraft {
  readonly buyerIdentification: BuyerIdentification;
  readonly tickets: IssuedTicket[];
}

const SIGNATURE_BYTES = 64;

export function draftOrder(
  orderId: string,
  buyerName: string,
  lines: readonly OrderLine[],
  products: ReadonlyMap<string, Product>,
  orderedAt: Date,
): OrderDraft {
  const buyerIdentification: BuyerIdentification = {
    buyerName,
    orderContents: lines
      .map((line) => orderLine(line.quantity, products.get(line.productId)!))
      .join(ORDER_LINE_SEPARATOR),
    orderedAt,
    orderId,
  };
  const tickets: IssuedTicket[] = [];
  for (const line of lines) {
    const product = products.get(line.productId)!;
    for (let n = 0; n < line.quantity; n++) {
      const source = { ...product, price: { currencyCode: product.currencyCode, amountMinor: product.priceMinor } };
      tickets.push({
        info: ticketInfo(source, { ticketId: newId('TKT', 10), orderId, issuedAt: orderedAt }),
        additionalInfo: additionalInfo(source),
      });
    }
  }
  tickets.sort((a, b) => a.info.ticketId.localeCompare(b.info.ticketId));
  return { buyerIdentification, tickets };
}

/** Bytes these tickets add to a card once signed (card/capacity.ts, as the kiosk counts): what must fit in `card_free_bytes`. */
export function cardBytesNeeded(draft: OrderDraft): number {
  const signature = Buffer.alloc(SIGNATURE_BYTES);
  return ticketsBytes(
    draft.tickets.map((ticket) => ({
      ticket: ticket.info,
      buyerIdentification: draft.buyerIdentification,
      additionalInfo: ticket.additionalInfo,
      signature,
    })),
  );
}

export const encodeInfo = (info: TicketInfo) => Buffer.from(TicketInfo.encode(info).finish());
export const encodeAdditional = (info: AdditionalInfo) => Buffer.from(AdditionalInfo.encode(info).finish());
export const encodeBuyer = (buyer: BuyerIdentification) => Buffer.from(BuyerIdentification.encode(buyer).finish());
