/**
 * The one way a pending sale ends with tickets, for the live path and for
 * recovery alike: the charge attempt `requested → approved` and the order
 * `pending → issued`, both conditional, so only one ender of that attempt
 * wins (refuse.ts says why the attempt), and its tickets stored with the
 * signatures the caller made.
 */
import { updateByIds, type SqlTx } from '../../db/group-commit.js';

export interface SaleToIssue {
  readonly orderId: string;
  readonly chargeId: string;
  readonly authorizationCode: string;
  readonly cardBrand: string;
  readonly cardLast4: string;
  /** One per ticket of the order, signed over the ticket as stored and the order's buyer identification. */
  readonly signatures: ReadonlyArray<{ readonly ticketId: string; readonly signature: Buffer }>;
  readonly at: Date;
}

/** Returns the ids of the orders this call issued; the others had already ended otherwise. */
export async function issueSales(sql: SqlTx, sales: readonly SaleToIssue[]): Promise<Set<string>> {
  const card = {
    authorization_code: { type: 'varchar', value: (s: SaleToIssue) => s.authorizationCode },
    card_brand: { type: 'varchar', value: (s: SaleToIssue) => s.cardBrand },
    card_last4: { type: 'varchar', value: (s: SaleToIssue) => s.cardLast4 },
  } as const;
  // The charge attempt first: only one still `requested` is the order's live attempt.
  const approved = await updateByIds(sql, 'charges', sales, (s) => s.chargeId, card, {
    set: "state = 'approved', updated_at = ?",
    where: "state = 'requested'",
    params: [sales[0]!.at],
  });
  const live = sales.filter((s) => approved.has(s.chargeId));
  if (!live.length) return new Set();
  const won = await updateByIds(sql, 'orders', live, (s) => s.orderId, card, {
    set: "state = 'issued'",
    where: "state = 'pending'",
  });
  const signatures = live.filter((s) => won.has(s.orderId)).flatMap((s) => s.signatures);
  if (signatures.length) {
    const signature = {
      signature: { type: 'bytea', value: (s: SaleToIssue['signatures'][number]) => s.signature },
    } as const;
    await updateByIds(sql, 'tickets', signatures, (s) => s.ticketId, signature, { set: "state = 'issued'" });
  }
  return won;
}
