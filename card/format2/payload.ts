/**
 * The compact card image (format 2): a sequence of records, each a kind
 * byte, a varint body length and the body.
 *
 *   CARD      the card id the image was written for (first record, once)
 *   ORDER     a buyer identification; starts a group of tickets
 *   TEMPLATE  a product issue: what its tickets share, venue notes included
 *   TICKET    one ticket: its id, its signature, and fields of its own only
 *             where they differ from its ORDER and TEMPLATE
 *   ENTRY     a gate's movement of a ticket (entry-record.ts); after every ticket
 *
 * A TICKET belongs to the ORDER and the TEMPLATE last seen before it.
 * Records are self-contained byte strings, so a writer that keeps a record
 * keeps its bytes where they are on the card (see log-store.ts), and
 * tickets appended to an image append records to its encoding.
 */
import { BuyerIdentification, type CardImage, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { ByteReader, ByteWriter, MalformedPayload } from './bytes.js';
import { readEntry, writeEntry, type CardEntry } from './entry-record.js';
import { readCardId, writeCardId } from './fields.js';
import {
  readOrder,
  readTemplate,
  readTicket,
  renderLines,
  templateOf,
  writeOrder,
  writeTemplate,
  writeTicket,
  type OrderRecord,
  type Template,
  type TicketRecord,
} from './records.js';

export const FORMAT_2 = 2;

export const RECORD = { CARD: 0x01, ORDER: 0x02, TEMPLATE: 0x03, TICKET: 0x04 } as const;
/** The entries gates write (SPEC §9): ticket index, gate id, time (entry-record.ts). */
export const ENTRY_RECORD = 0x05;

function record(kind: number, body: (out: ByteWriter) => void): Buffer {
  const inner = new ByteWriter();
  body(inner);
  const bytes = inner.finish();
  return new ByteWriter().byte(kind).varint(bytes.length).bytes(bytes).finish();
}

const buyerKey = (buyer: BuyerIdentification | undefined) =>
  buyer ? Buffer.from(BuyerIdentification.encode(buyer).finish()).toString('hex') : '-';

/**
 * The records of `image`, in order; their concatenation is the payload.
 * Consecutive tickets with the same buyer identification share one ORDER,
 * consecutive tickets of one product issue one TEMPLATE. `entries` follow
 * the tickets, oldest first; an entry of a ticket not in the image is left out.
 */
export function encodeRecords(image: CardImage, entries: readonly CardEntry[] = []): Buffer[] {
  const records = [record(RECORD.CARD, (out) => writeCardId(out, image.cardId))];
  const tickets = image.tickets;
  for (let start = 0; start < tickets.length;) {
    const key = buyerKey(tickets[start]!.buyerIdentification);
    let end = start + 1;
    while (end < tickets.length && buyerKey(tickets[end]!.buyerIdentification) === key) end++;
    records.push(...groupRecords(tickets.slice(start, end)));
    start = end;
  }
  const ids = tickets.map((ticket) => ticket.ticket?.ticketId ?? '');
  for (const entry of entries) {
    const index = ids.indexOf(entry.ticketId);
    if (index >= 0) records.push(record(ENTRY_RECORD, (out) => writeEntry(out, entry, index)));
  }
  return records;
}

/** The records of one group: tickets sharing a buyer identification. */
export function groupRecords(group: readonly CardTicket[]): Buffer[] {
  const buyer = group[0]!.buyerIdentification;
  // A product issue's template takes the seat of its first ticket; tickets with other seats carry their own.
  const templates = new Map<string, { template: Template; bytes: Buffer }>();
  const keyOf = (ticket: CardTicket) =>
    record(RECORD.TEMPLATE, (out) => writeTemplate(out, { ...templateOf(ticket), seat: '' })).toString('hex');
  for (const ticket of group) {
    const key = keyOf(ticket);
    if (templates.has(key)) continue;
    const template = templateOf(ticket);
    templates.set(key, { template, bytes: record(RECORD.TEMPLATE, (out) => writeTemplate(out, template)) });
  }
  const records = [
    record(RECORD.ORDER, (out) =>
      writeOrder(
        out,
        buyer,
        [...templates.values()].map(({ template }) => template),
      ),
    ),
  ];
  let current: string | undefined;
  for (const ticket of group) {
    const key = keyOf(ticket);
    const { template, bytes } = templates.get(key)!;
    if (current !== key) records.push(bytes);
    current = key;
    records.push(record(RECORD.TICKET, (out) => writeTicket(out, ticket, buyer, template.seat)));
  }
  return records;
}

export const encodePayload = (image: CardImage): Buffer => Buffer.concat(encodeRecords(image));

/** One record as found in a payload: where it starts and how long it is, for a writer that keeps it in place. */
export interface RecordSpan {
  readonly offset: number;
  readonly length: number;
}

interface Group {
  readonly order: OrderRecord;
  readonly templates: Template[];
  readonly templateKeys: string[];
  readonly tickets: Array<{ record: TicketRecord; template: Template }>;
}

/**
 * The image in `payload`, and where each record lies in it. Throws
 * MalformedPayload for bytes that are not a well-formed format-2 payload
 * (an unknown record kind included): the caller decides the card error.
 */
export function decodePayload(payload: Buffer): { image: CardImage; entries: CardEntry[]; spans: RecordSpan[] } {
  const from = new ByteReader(payload);
  const spans: RecordSpan[] = [];
  const groups: Group[] = [];
  const entryBodies: Buffer[] = [];
  let cardId: string | undefined;
  let template: Template | undefined;
  let offset = 0;
  while (!from.done) {
    const kind = from.byte();
    const length = from.varint();
    const bodyBytes = from.bytes(length);
    const body = new ByteReader(bodyBytes);
    spans.push({ offset, length: from.position - offset });
    offset = from.position;
    const group = groups.at(-1);
    if ((spans.length === 1) !== (kind === RECORD.CARD))
      throw new MalformedPayload('the card record must come first, once');
    if (kind === RECORD.CARD) cardId = readCardId(body);
    else if (kind === RECORD.ORDER) {
      groups.push({ order: readOrder(body), templates: [], templateKeys: [], tickets: [] });
      template = undefined;
    } else if (kind === RECORD.TEMPLATE) {
      if (!group) throw new MalformedPayload('a product record comes before any order');
      template = readTemplate(body);
      const key = bodyBytes.toString('hex');
      if (!group.templateKeys.includes(key)) {
        group.templateKeys.push(key);
        group.templates.push(template);
      }
    } else if (kind === RECORD.TICKET) {
      if (!group || !template) throw new MalformedPayload('a ticket comes before its order or product record');
      group.tickets.push({ record: readTicket(body), template });
    } else if (kind === ENTRY_RECORD) {
      entryBodies.push(bodyBytes);
      body.bytes(bodyBytes.length); // read once the tickets are known
    } else throw new MalformedPayload(`unknown record kind ${kind}`);
    if (!body.done) throw new MalformedPayload('a record is longer than its fields');
  }
  if (cardId === undefined) throw new MalformedPayload('the payload has no card record');
  const tickets = groups.flatMap((group) => groupTickets(group));
  const ids = tickets.map((ticket) => ticket.ticket?.ticketId ?? '');
  const entries = entryBodies.map((bytes) => {
    const body = new ByteReader(bytes);
    const entry = readEntry(body, ids);
    if (!body.done) throw new MalformedPayload('a record is longer than its fields');
    return entry;
  });
  return { image: { formatVersion: FORMAT_2, cardId, tickets }, entries, spans };
}

function groupTickets({ order, templates, tickets }: Group): CardTicket[] {
  const buyer = order.buyer && {
    ...order.buyer,
    orderContents: order.lines ? renderLines(order.lines, templates) : order.buyer.orderContents,
  };
  return tickets.map(({ record, template }) => {
    if (record.orderId === undefined && record.hasInfo && !buyer)
      throw new MalformedPayload("a ticket takes its order's id but has no order");
    if (record.issuedAt === 'order' && !buyer?.orderedAt)
      throw new MalformedPayload("a ticket takes its order's time but the order has none");
    const issuedAt = record.issuedAt === 'order' ? new Date(buyer!.orderedAt!.getTime()) : record.issuedAt;
    return {
      ticket: record.hasInfo
        ? {
            ticketId: record.ticketId,
            productId: template.productId,
            orderId: record.orderId ?? buyer!.orderId,
            eventName: template.eventName,
            venue: template.venue,
            startsAt: template.startsAt && new Date(template.startsAt.getTime()),
            seat: record.seat ?? template.seat,
            price: template.price && { ...template.price },
            issuedAt,
            entriesAllowed: template.entriesAllowed,
          }
        : undefined,
      buyerIdentification: buyer && { ...buyer, orderedAt: buyer.orderedAt && new Date(buyer.orderedAt.getTime()) },
      additionalInfo: template.additionalInfo && { ...template.additionalInfo },
      signature: Buffer.from(record.signature),
    };
  });
}

/** Where each record of a payload lies, from its framing alone; undefined when the framing does not parse. */
export function recordSpans(payload: Buffer): RecordSpan[] | undefined {
  const from = new ByteReader(payload);
  const spans: RecordSpan[] = [];
  try {
    while (!from.done) {
      const offset = from.position;
      from.byte();
      from.bytes(from.varint());
      spans.push({ offset, length: from.position - offset });
    }
  } catch {
    return undefined;
  }
  return spans;
}
