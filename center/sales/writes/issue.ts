/**
 * The one way a pending sale ends with tickets, for the live path and for
 * recovery alike: the charge attempt `requested → approved` and the order
 * `pending → issued`, both conditional, so only one ender of that attempt
 * wins (refuse.ts says why the attempt), and its tickets stored with the
 * signatures the caller made.
 */
import { caseById, placeholders, type SqlTx } from '../../db/group-commit.js';

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
  // The charge attempt first: only one still `requested` is the order's live attempt.
  const charge = (value: (s: SaleToIssue) => string) => caseById(sql, sales, (s) => s.chargeId, value);
  const [cAuth, cBrand, cLast4] = [
    charge((s) => s.authorizationCode),
    charge((s) => s.cardBrand),
    charge((s) => s.cardLast4),
  ];
  const open = await sql.all<{ id: string }>(
    `update charges set state = 'approved', authorization_code = ${cAuth.sql}, card_brand = ${cBrand.sql}, card_last4 = ${cLast4.sql}, updated_at = ? ` +
      `where state = 'requested' and id in (${placeholders(sales.length)}) returning id`,
    [...cAuth.params, ...cBrand.params, ...cLast4.params, sales[0]!.at, ...sales.map((s) => s.chargeId)],
  );
  const approved = new Set(open.map((row) => row.id));
  const live = sales.filter((s) => approved.has(s.chargeId));
  if (!live.length) return new Set();
  const order = (value: (s: SaleToIssue) => string) => caseById(sql, live, (s) => s.orderId, value);
  const [auth, brand, last4] = [
    order((s) => s.authorizationCode),
    order((s) => s.cardBrand),
    order((s) => s.cardLast4),
  ];
  const rows = await sql.all<{ id: string }>(
    `update orders set state = 'issued', authorization_code = ${auth.sql}, card_brand = ${brand.sql}, card_last4 = ${last4.sql} ` +
      `where state = 'pending' and id in (${placeholders(live.length)}) returning id`,
    [...auth.params, ...brand.params, ...last4.params, ...live.map((s) => s.orderId)],
  );
  const won = new Set(rows.map((row) => row.id));
  const signatures = live.filter((s) => won.has(s.orderId)).flatMap((s) => s.signatures);
  if (signatures.length) {
    const signature = caseById(
      sql,
      signatures,
      (s) => s.ticketId,
      (s) => s.signature,
      'bytea',
    );
    await sql.run(
      `update tickets set state = 'issued', signature = ${signature.sql} where id in (${placeholders(signatures.length)})`,
      [...signature.params, ...signatures.map((s) => s.ticketId)],
    );
  }
  return won;
}
