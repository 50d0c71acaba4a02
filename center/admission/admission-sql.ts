/**
 * The SQL of admission in one place: what the fast path (exact-admit.ts), the
 * ticket read (ticket-record.ts) and the entry writer (entry-writer.ts)
 * share. The rules themselves are decided in card/admission/judge.ts; the
 * conditions here are the fast path's copy of them, each naming the rule it
 * mirrors, and test/center/admission-equivalence.test.ts holds the two to the
 * same verdicts.
 */

/** A row of `redemptions`, in the order the inserts give their values. */
export const REDEMPTION_COLUMNS = 'ticket_id, entry_number, product_id, order_id, gate_id, card_id, redeemed_at';

/** Only an issued ticket admits: a pending one is unknown to gates, a cancelled one refused. */
export const TICKET_ISSUED = "t.state = 'issued'";

/** Entries used by ticket `t`: its rows of `redemptions`, the one record of use. */
export const ENTRIES_USED = '(select count(*) from redemptions r where r.ticket_id = t.id)';

/** Joined as `f`: ticket `t`'s first entry, for when and at which gate it was first used. */
export const FIRST_ENTRY = 'left join redemptions f on f.ticket_id = t.id and f.entry_number = 1';

/**
 * The fast path's WHERE over ticket `t`, its order `o` and the presentation
 * `v`, with the judge's rule each condition mirrors (judge.ts). A row is
 * inserted only when all of them hold, so their order does not matter here
 * (it is the statement's as it was tuned, the ticket's columns before the
 * order's): whatever fails, nothing is written and the judge finds the
 * reason. The product's window and gates are not in the SQL: exact-admit.ts
 * checks them first with the judge's own refusalByRules.
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
