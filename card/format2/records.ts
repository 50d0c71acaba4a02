/**
 * The bodies of the compact format's records. A TEMPLATE holds what every
 * ticket of one product issue shares (TicketInfo's product fields and the
 * AdditionalInfo: venue notes, entry instructions), an ORDER one buyer
 * identification, a TICKET only what is its own (id, signature) plus flags
 * saying which fields it takes from its order. Presence is kept exactly
 * (an absent message is not an empty one: the signed bytes differ).
 */
import type { Money } from '../../gen/cardgate/v1/money.js';
import type { AdditionalInfo, BuyerIdentification, CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { ORDER_LINE_SEPARATOR, orderLine } from '../ticket-fields.js';
import { MalformedPayload, type ByteReader, type ByteWriter } from './bytes.js';
import { isLetterCode, readId, readLetterCode, readTime, writeId, writeLetterCode, writeTime } from './fields.js';

/** The fields of a ticket that its product issue decides. */
export interface Template {
  readonly productId: string;
  readonly eventName: string;
  readonly venue: string;
  readonly startsAt: Date | undefined;
  readonly seat: string;
  readonly price: Money | undefined;
  readonly entriesAllowed: number;
  readonly additionalInfo: AdditionalInfo | undefined;
}

export function templateOf({ ticket, additionalInfo }: CardTicket): Template {
  return {
    productId: ticket?.productId ?? '',
    eventName: ticket?.eventName ?? '',
    venue: ticket?.venue ?? '',
    startsAt: ticket?.startsAt,
    seat: ticket?.seat ?? '',
    price: ticket?.price,
    entriesAllowed: ticket?.entriesAllowed ?? 0,
    additionalInfo,
  };
}

const T_STARTS = 1,
  T_PRICE = 2,
  T_LETTERS = 4,
  T_NEGATIVE = 8,
  T_EXTRA = 16;

export function writeTemplate(out: ByteWriter, t: Template): void {
  const price = t.price;
  const letters = price !== undefined && isLetterCode(price.currencyCode);
  out.byte(
    (t.startsAt ? T_STARTS : 0) |
      (price ? T_PRICE : 0) |
      (letters ? T_LETTERS : 0) |
      (price && price.amountMinor < 0 ? T_NEGATIVE : 0) |
      (t.additionalInfo ? T_EXTRA : 0),
  );
  writeId(out, t.productId, 'PRD');
  out.text(t.eventName).text(t.venue);
  if (t.startsAt) writeTime(out, t.startsAt);
  out.text(t.seat);
  if (price) {
    if (letters) writeLetterCode(out, price.currencyCode);
    else out.text(price.currencyCode);
    out.varint(Math.abs(price.amountMinor));
  }
  out.int32(t.entriesAllowed);
  if (t.additionalInfo) out.text(t.additionalInfo.venueNotes).text(t.additionalInfo.entryInstructions);
}

export function readTemplate(from: ByteReader): Template {
  const flags = from.byte();
  const productId = readId(from, 'PRD');
  const eventName = from.text();
  const venue = from.text();
  const startsAt = flags & T_STARTS ? readTime(from) : undefined;
  const seat = from.text();
  let price: Money | undefined;
  if (flags & T_PRICE) {
    const currencyCode = flags & T_LETTERS ? readLetterCode(from) : from.text();
    const magnitude = from.varint();
    price = { currencyCode, amountMinor: flags & T_NEGATIVE && magnitude !== 0 ? -magnitude : magnitude };
  }
  const entriesAllowed = from.int32();
  const additionalInfo = flags & T_EXTRA ? { venueNotes: from.text(), entryInstructions: from.text() } : undefined;
  return { productId, eventName, venue, startsAt, seat, price, entriesAllowed, additionalInfo };
}

/** An order line the decoder rebuilds: `quantity x` the event of the group's `template`-th template. */
export interface DerivedLine {
  readonly quantity: number;
  readonly template: number;
}

/** The lines that render `contents` exactly from `templates`, if there are any. */
export function deriveLines(contents: string, templates: readonly Template[]): DerivedLine[] | undefined {
  const lines: DerivedLine[] = [];
  let rest = contents;
  while (rest.length > 0) {
    const digits = /^[1-9][0-9]{0,8}/.exec(rest)?.[0];
    if (!digits) return undefined;
    const quantity = Number(digits);
    const template = templates.findIndex((t) => t.startsAt && rest.startsWith(renderLine(quantity, t)));
    if (template < 0) return undefined;
    lines.push({ quantity, template });
    rest = rest.slice(renderLine(quantity, templates[template]!).length);
    if (rest.length > 0) {
      if (!rest.startsWith(ORDER_LINE_SEPARATOR)) return undefined;
      rest = rest.slice(ORDER_LINE_SEPARATOR.length);
      if (rest.length === 0) return undefined;
    }
  }
  return lines.length > 0 && renderLines(lines, templates) === contents ? lines : undefined;
}

const renderLine = (quantity: number, t: Template) =>
  orderLine(quantity, { name: t.eventName, venue: t.venue, startsAt: t.startsAt! });

export function renderLines(lines: readonly DerivedLine[], templates: readonly Template[]): string {
  return lines
    .map(({ quantity, template }) => {
      const t = templates[template];
      if (!t?.startsAt) throw new MalformedPayload('an order line names a product issue that is not on the card');
      return renderLine(quantity, t);
    })
    .join(ORDER_LINE_SEPARATOR);
}

const O_PRESENT = 1,
  O_ORDERED_AT = 2,
  O_DERIVED = 4;

/** What an ORDER record says; `lines` still need the group's templates to become `orderContents`. */
export interface OrderRecord {
  readonly buyer: BuyerIdentification | undefined;
  readonly lines: DerivedLine[] | undefined;
}

export function writeOrder(out: ByteWriter, buyer: BuyerIdentification | undefined, templates: Template[]): void {
  if (!buyer) return void out.byte(0);
  const lines = deriveLines(buyer.orderContents, templates);
  out.byte(O_PRESENT | (buyer.orderedAt ? O_ORDERED_AT : 0) | (lines ? O_DERIVED : 0));
  out.text(buyer.buyerName);
  if (lines) {
    out.varint(lines.length);
    for (const line of lines) out.varint(line.quantity).varint(line.template);
  } else out.text(buyer.orderContents);
  if (buyer.orderedAt) writeTime(out, buyer.orderedAt);
  writeId(out, buyer.orderId, 'ORD');
}

export function readOrder(from: ByteReader): OrderRecord {
  const flags = from.byte();
  if (!(flags & O_PRESENT)) return { buyer: undefined, lines: undefined };
  const buyerName = from.text();
  let lines: DerivedLine[] | undefined;
  let orderContents = '';
  if (flags & O_DERIVED) {
    const count = from.varint();
    if (count === 0 || count > 1000) throw new MalformedPayload('an order has an impossible number of lines');
    lines = Array.from({ length: count }, () => ({ quantity: from.varint(), template: from.varint() }));
  } else orderContents = from.text();
  const orderedAt = flags & O_ORDERED_AT ? readTime(from) : undefined;
  const orderId = readId(from, 'ORD');
  return { buyer: { buyerName, orderContents, orderedAt, orderId }, lines };
}

const K_INFO = 1,
  K_OWN_ORDER_ID = 2,
  K_ISSUED = 4,
  K_OWN_ISSUED = 8,
  K_SIGNATURE_64 = 16,
  K_OWN_SEAT = 32;

/** What a TICKET record says; `orderId` undefined means the order's, `seat` undefined the template's. */
export interface TicketRecord {
  readonly hasInfo: boolean;
  readonly ticketId: string;
  readonly seat: string | undefined;
  readonly orderId: string | undefined;
  readonly issuedAt: Date | 'order' | undefined;
  readonly signature: Buffer;
}

export function writeTicket(
  out: ByteWriter,
  card: CardTicket,
  buyer: BuyerIdentification | undefined,
  templateSeat: string,
): void {
  const info = card.ticket;
  const ownSeat = info !== undefined && info.seat !== templateSeat;
  const ownOrderId = !buyer || info?.orderId !== buyer.orderId;
  const issued = info?.issuedAt;
  const ownIssued = issued !== undefined && buyer?.orderedAt?.getTime() !== issued.getTime();
  const signature = card.signature ?? Buffer.alloc(0);
  out.byte(
    (info ? K_INFO : 0) |
      (info && ownOrderId ? K_OWN_ORDER_ID : 0) |
      (issued ? K_ISSUED : 0) |
      (ownIssued ? K_OWN_ISSUED : 0) |
      (signature.length === 64 ? K_SIGNATURE_64 : 0) |
      (ownSeat ? K_OWN_SEAT : 0),
  );
  if (info) {
    writeId(out, info.ticketId, 'TKT');
    if (ownSeat) out.text(info.seat);
    if (ownOrderId) writeId(out, info.orderId, 'ORD');
    if (ownIssued) writeTime(out, issued);
  }
  if (signature.length !== 64) out.varint(signature.length);
  out.bytes(signature);
}

export function readTicket(from: ByteReader): TicketRecord {
  const flags = from.byte();
  const hasInfo = (flags & K_INFO) !== 0;
  let ticketId = '';
  let seat: string | undefined;
  let orderId: string | undefined;
  let issuedAt: Date | 'order' | undefined;
  if (hasInfo) {
    ticketId = readId(from, 'TKT');
    if (flags & K_OWN_SEAT) seat = from.text();
    if (flags & K_OWN_ORDER_ID) orderId = readId(from, 'ORD');
    if (flags & K_ISSUED) issuedAt = flags & K_OWN_ISSUED ? readTime(from) : 'order';
  }
  const signature = from.bytes(flags & K_SIGNATURE_64 ? 64 : from.varint());
  return { hasInfo, ticketId, seat, orderId, issuedAt, signature };
}
