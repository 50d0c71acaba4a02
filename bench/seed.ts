/**
 * A fresh database for one bench run: a kiosk and a gate token, the hot
 * on-sale product, and a stock of issued, signed tickets for the gates to
 * redeem (written straight to the database: the purchase phase is measured
 * on its own, and the gates need more tickets than it sells).
 */
import { writeFileSync } from 'node:fs';
import { createTerminalToken } from '../center/auth/tokens.js';
import { createProduct } from '../center/admin/create-product.js';
import { CreateProductRequest } from '../gen/cardgate/v1/admin.js';
import type { DatabaseTarget } from '../center/config.js';
import { openDatabase } from '../center/db/orm.js';
import { OrderEntity, type Order } from '../center/sales/order.entity.js';
import { draftOrder, encodeAdditional, encodeBuyer, encodeInfo } from '../center/sales/ticket-builder.js';
import { TicketEntity, type Ticket } from '../center/sales/ticket.entity.js';
import { loadOrCreateSigningKey } from '../center/signing/signing-key.js';
import { signTicket } from '../card/signature.js';
import { CardTicket } from '../gen/cardgate/v1/ticket.js';

export interface Seeded {
  readonly kioskToken: string;
  readonly gateToken: string;
  readonly hotProductId: string;
  /** Sold before the hot on-sale, unmeasured, so the sale meets a warm center as the echo and the gates do. */
  readonly warmupProductId: string;
  readonly gateProductId: string;
}

const TICKETS_PER_ORDER = 10;
export const WARMUP_SEATS = 1000;
const HOUR = 60 * 60 * 1000;

/** Seeds the database and writes the gate tickets to `ticketsFile` (length-prefixed CardTicket + card id). */
export async function seed(
  target: DatabaseTarget,
  hotCapacity: number,
  gateTickets: number,
  ticketsFile: string,
): Promise<Seeded> {
  const orm = await openDatabase(target);
  try {
    const em = orm.em.fork();
    const kioskToken = (await createTerminalToken(em, 'bench-kiosk', 'kiosk')).token;
    const gateToken = (await createTerminalToken(em, 'bench-gate', 'gate')).token;
    const now = new Date();
    // fromPartial fills what a product leaves unset (no gate list, no windows) with its defaults.
    const product = (name: string, capacity: number) =>
      CreateProductRequest.fromPartial({
        name,
        venue: 'Bench Arena',
        startsAt: new Date(now.getTime() + 48 * HOUR),
        price: { currencyCode: 'EUR', amountMinor: 4500 },
        capacity,
        entriesPerTicket: 1,
        seating: 'General admission',
        venueNotes: 'Doors at 18:00',
        entryInstructions: 'Any gate',
      });
    const hot = await createProduct(em.fork(), product('Hot On-Sale', hotCapacity), now);
    const warmup = await createProduct(em.fork(), product('Warm-up Sale', WARMUP_SEATS), now);
    const gated = await createProduct(em.fork(), product('Stadium Night', Math.max(1, gateTickets)), now);
    const key = await loadOrCreateSigningKey(em.fork());

    const out: Buffer[] = [];
    for (let first = 0; first < gateTickets; first += TICKETS_PER_ORDER * 200) {
      const orders: Order[] = [];
      const tickets: Ticket[] = [];
      for (let n = first; n < Math.min(gateTickets, first + TICKETS_PER_ORDER * 200); n += TICKETS_PER_ORDER) {
        const quantity = Math.min(TICKETS_PER_ORDER, gateTickets - n);
        const orderId = `ORD-B${String(n).padStart(9, '0')}`;
        const cardId = `04BE${String(n).padStart(10, '0')}`;
        const lines = [{ productId: gated.id, quantity }];
        const draft = draftOrder(orderId, 'Bench Buyer', lines, new Map([[gated.id, gated]]), now);
        orders.push({
          id: orderId,
          idempotencyKey: `bench-${orderId}`,
          fingerprint: 'bench',
          state: 'issued' as const,
          cardId,
          buyerName: 'Bench Buyer',
          buyerEmail: '',
          lines,
          currencyCode: 'EUR',
          totalMinor: 4500 * quantity,
          buyerIdentification: encodeBuyer(draft.buyerIdentification),
          orderedAt: now,
          reservedAt: now,
          unavailableReason: null,
          unavailableMessage: null,
          unavailableProductId: null,
          cardBrand: 'visa',
          cardLast4: '4242',
          authorizationCode: 'BENCH',
          cancelledAt: null,
        });
        for (const ticket of draft.tickets) {
          const signature = signTicket(key.privateKey, ticket.info, draft.buyerIdentification, cardId);
          tickets.push({
            id: ticket.info.ticketId,
            orderId,
            productId: gated.id,
            cardId,
            state: 'issued' as const,
            info: encodeInfo(ticket.info),
            additionalInfo: encodeAdditional(ticket.additionalInfo),
            signature,
            entriesAllowed: 1,
          });
          const card = Buffer.from(
            CardTicket.encode({
              ticket: ticket.info,
              buyerIdentification: draft.buyerIdentification,
              additionalInfo: ticket.additionalInfo,
              signature,
            }).finish(),
          );
          const id = Buffer.from(cardId);
          const header = Buffer.alloc(6);
          header.writeUInt16BE(id.length, 0);
          header.writeUInt32BE(card.length, 2);
          out.push(header, id, card);
        }
      }
      await em.fork().transactional(async (tx) => {
        await tx.insertMany(OrderEntity, orders);
        await tx.insertMany(TicketEntity, tickets);
      });
    }
    await em.getConnection().execute(`update products set remaining = 0 where id = ?`, [gated.id]);
    writeFileSync(ticketsFile, Buffer.concat(out));
    return { kioskToken, gateToken, hotProductId: hot.id, warmupProductId: warmup.id, gateProductId: gated.id };
  } finally {
    await orm.close();
  }
}

/** Reads what seed() wrote: [cardId, CardTicket] pairs. */
export function readTickets(bytes: Buffer): Array<{ cardId: string; ticket: CardTicket }> {
  const result = [];
  for (let at = 0; at < bytes.length;) {
    const idLength = bytes.readUInt16BE(at);
    const cardLength = bytes.readUInt32BE(at + 2);
    const cardId = bytes.subarray(at + 6, at + 6 + idLength).toString();
    const ticket = CardTicket.decode(bytes.subarray(at + 6 + idLength, at + 6 + idLength + cardLength));
    result.push({ cardId, ticket });
    at += 6 + idLength + cardLength;
  }
  return result;
}
