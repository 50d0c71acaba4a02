/**
 * Builds what the center issues for an order (SPEC §2 step 4): the buyer
 * identification and, per ticket, the ticket information and additional
 * information, ready to be encoded, stored, signed and written to the card.
 */
import { AdditionalInfo, BuyerIdentification, CardImage, TicketInfo } from '../../gen/cardgate/v1/ticket.js';
import type { Product } from '../catalog/product.entity.js';
import { additionalInfo, ticketInfo } from '../../card/ticket-fields.js';
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
    orderContents: lines.map((line) => describeLine(line, products.get(line.productId)!)).join('; '),
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

/** "2 x Jazz Night (Blue Note, 2026-12-01 20:00 UTC)" */
function describeLine(line: OrderLine, product: Product): string {
  const when = product.startsAt.toISOString().slice(0, 16).replace('T', ' ');
  return `${line.quantity} x ${product.name} (${product.venue}, ${when} UTC)`;
}

/** Bytes these tickets add to a card image once signed: what must fit in the card's free space. */
export function cardBytesNeeded(draft: OrderDraft): number {
  const signature = Buffer.alloc(SIGNATURE_BYTES);
  const tickets = draft.tickets.map((ticket) => ({
    ticket: ticket.info,
    buyerIdentification: draft.buyerIdentification,
    additionalInfo: ticket.additionalInfo,
    signature,
  }));
  return CardImage.encode({ formatVersion: 0, cardId: '', tickets }).finish().length;
}

export const encodeInfo = (info: TicketInfo) => Buffer.from(TicketInfo.encode(info).finish());
export const encodeAdditional = (info: AdditionalInfo) => Buffer.from(AdditionalInfo.encode(info).finish());
export const encodeBuyer = (buyer: BuyerIdentification) => Buffer.from(BuyerIdentification.encode(buyer).finish());
