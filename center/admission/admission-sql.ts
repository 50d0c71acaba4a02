/**
 * The SQL of admission in one place: what the fast path (exact-admit.ts), the
 * ticket read (ticket-record.ts) and the entry writer (entry-writer.ts)
 * share. The rules themselves are decided in card/admission/judge.ts; the
 * conditions here are the fast path's copy of them, each naming the rule it
 * mirrors, and test/center/admission-equivalence.test.ts holds the two to the
 * same verdicts.
 */

/** A row of `redemptions` (one movement), in the order the inserts give their values. */
export const REDEMPTION_COLUMNS =
  'ticket_id, entry_number, product_id, order_id, gate_id, card_id, redeemed_at, direction, reentry';

/** Only an issued ticket admits: a pending one is unknown to gates, a cancelled one refused. */
export const TICKET_ISSUED = "t.state = 'issued'";

/** Movements not annulled: what counts (judge.ts's EntriesUsed). */
const STANDS = 'annulled_at is null';

/**
 * Entries used by ticket `t`: its entries in `redemptions`, the one record of use, that were
 * neither annulled nor re-entries.
 */
export const ENTRIES_USED = `(select count(*) from redemptions r where r.ticket_id = t.id and r.direction = 'entry' and not r.reentry and r.${STANDS})`;

/** Ticket `t`'s movements, annulled ones included: the next one is numbered one more. */
export const MOVEMENTS = '(select count(*) from redemptions m where m.ticket_id = t.id)';

/** The direction of ticket `t`'s last movement not annulled (null: none). */
export const LAST_MOVEMENT = `(select l.direction from redemptions l where l.ticket_id = t.id and l.${STANDS} order by l.entry_number desc limit 1)`;

/** Joined as `f`: ticket `t`'s first entry not annulled, for when and at which gate it was first used. */
export const FIRST_ENTRY =
  'left join redemptions f on f.ticket_id = t.id and f.entry_number = ' +
  `(select min(e.entry_number) from redemptions e where e.ticket_id = t.id and e.direction = 'entry' and e.${STANDS})`;

/**
 * The fast path's WHERE over ticket `t`, its order `o` and the presentation
 * `v`, with the judge's rule each condition mirrors (judge.ts). A row is
 * inserted only when all of them hold, so their order does not matter here
 * (it is the statement's as it was tuned, the ticket's columns before the
 * order's): whatever fails, nothing is written and the judge finds the
 * reason. The product's window and gates are not in the SQL: exact-admit.ts
 * checks them first with the judge's own refusalByRules, and tries only a
 * plain entry of a product without re-entry (an exit or a re-entry is the
 * judge's alone).
 */
export const EXACT_ADMIT_CONDITIONS = [
  // UNKNOWN_TICKET: the join on t.id finds the ticket, and it is not pending. CANCELLED: nor cancelled.
  TICKET_ISSUED,
  // WRONG_CARD: issued to the card it is presented on.
  't.card_id = v.card_id',
  // TAMPERED (fields): the card's TicketInfo is byte for byte the one issued.
  't.info = v.info',
  // TAMPERED (signature): the card carries the stored signature, the judge's shortcut before it
  // verifies. One that verifies without being the stored one (the center never makes such a one:
  // Ed25519 signing is deterministic) inserts nothing here and is left to the judge.
  't.signature = v.signature',
  // BUYER_MISMATCH: its buyer identification is the order's (an order without one matches nothing).
  'o.buyer_identification = v.buyer',
  // ALREADY_USED: an entry is left.
  `${ENTRIES_USED} < t.entries_allowed`,
].join(' and ');
