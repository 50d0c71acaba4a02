/**
 * The ENTRY record (kind 0x05, SPEC §9): a gate's movement of one ticket,
 * written onto the card on admission so another gate, off line too, knows
 * the ticket was used. A few bytes each, as a card holds many:
 *
 *   varint  ticket index among the image's tickets × 4 + reentry × 2 + exit
 *   text    gate id (length-prefixed UTF-8; "G1" takes 3 bytes)
 *   varint  seconds since 2025-01-01 UTC
 *
 * With the record header an entry at gate G1 takes 9 bytes. The ticket is
 * named by its place on the card, not its 8-byte id: entries are written
 * after every ticket record, so the index is of the image's final tickets.
 */
import { ByteReader, ByteWriter, MalformedPayload } from './bytes.js';

/** One movement of a ticket through a gate, as the card keeps it. */
export interface CardEntry {
  readonly ticketId: string;
  readonly gateId: string;
  /** When the gate admitted it (to the second). */
  readonly at: Date;
  readonly direction: 'entry' | 'exit';
  /** An entry after an exit on a product that allows re-entry: it used no entry. */
  readonly reentry: boolean;
}

const EPOCH_S = Date.UTC(2025, 0, 1) / 1000;

/** The body of an ENTRY record for `entry`, whose ticket is the image's ticket number `index`. */
export function writeEntry(out: ByteWriter, entry: CardEntry, index: number): void {
  const seconds = Math.max(0, Math.floor(entry.at.getTime() / 1000) - EPOCH_S);
  out
    .varint(index * 4 + (entry.reentry ? 2 : 0) + (entry.direction === 'exit' ? 1 : 0))
    .text(entry.gateId)
    .varint(seconds);
}

/** Reads an ENTRY body; `ticketIds` are the image's tickets in card order. */
export function readEntry(from: ByteReader, ticketIds: readonly string[]): CardEntry {
  const code = from.varint();
  const index = Math.floor(code / 4);
  const ticketId = ticketIds[index];
  if (ticketId === undefined) throw new MalformedPayload('an entry names a ticket the card does not hold');
  const gateId = from.text();
  const at = new Date((EPOCH_S + from.varint()) * 1000);
  if (!Number.isFinite(at.getTime())) throw new MalformedPayload('a time on the card is out of range');
  return { ticketId, gateId, at, direction: code % 2 === 1 ? 'exit' : 'entry', reentry: (code & 2) === 2 };
}
