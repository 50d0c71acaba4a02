/**
 * The one way a pending sale ends with tickets, for the live path and for
 * recovery alike: the order `pending → issued` (conditional, so only one
 * ender wins), its tickets stored with the signatures the caller made, and
 * the charge recorded approved.
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
  const order = (value: (s: SaleToIssue) => string) => caseById(sql, sales, (s) => s.orderId, value);
  const [auth, brand, last4] = [order((s) => s.authorizationCode), order((s) => s.cardBrand), order((s) => s.cardLast4)];
  const rows = await sql.all<{ id: string }>(
    `update orders set state = 'issued', authorization_code = ${auth.sql}, card_brand = ${brand.sql}, card_last4 = ${last4.sql} ` +
      `where state = 'pending' and id in (${placeholders(sales.length)}) returning id`,
    [...auth.params, ...brand.params, ...last4.params, ...sales.map((s) => s.orderId)],
  );
  const won = new Set(rows.map((row) => row.id));
  const winners = sales.filter((s) => won.has(s.orderId));
  if (!winners.length) return won;
  const signatures = winners.flatMap((s) => s.signatures);
  if (signatures.length) {
    const signature = caseById(sql, signatures, (s) => s.ticketId, (s) => s.signature, 'bytea');
    await sql.run(`update tickets set state = 'issued', signature = ${signature.sql} where id in (${placeholders(signatures.length)})`, [
      ...signature.params,
      ...signatures.map((s) => s.ticketId),
    ]);
  }
  const charge = (value: (s: SaleToIssue) => string) => caseById(sql, winners, (s) => s.chargeId, value);
  const [cAuth, cBrand, cLast4] = [charge((s) => s.authorizationCode), charge((s) => s.cardBrand), charge((s) => s.cardLast4)];
  await sql.run(
    `update charges set state = 'approved', authorization_code = ${cAuth.sql}, card_brand = ${cBrand.sql}, card_last4 = ${cLast4.sql}, updated_at = ? where id in (${placeholders(winners.length)})`,
    [...cAuth.params, ...cBrand.params, ...cLast4.params, winners[0]!.at, ...winners.map((s) => s.chargeId)],
  );
  return won;
}
