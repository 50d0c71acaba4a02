/**
 * The invariants, read from the database after the run (not from what the
 * clients saw): nothing sold beyond capacity, sold + remaining = capacity,
 * every approved charge ended with issued tickets, and no ticket admitted
 * more often than it allows.
 */
import type { DatabaseTarget } from '../center/config.js';
import { openDatabase } from '../center/db/orm.js';

export interface Invariants {
  readonly sold: number;
  readonly capacity: number;
  readonly remaining: number;
  readonly oversold: number;
  /** capacity - sold - remaining: seats lost or invented by the bookkeeping (must be 0). */
  readonly stockMismatch: number;
  readonly approvedWithoutTickets: number;
  readonly doubleAdmits: number;
  readonly redemptions: number;
}

export async function checkInvariants(target: DatabaseTarget, hotProductId: string): Promise<Invariants> {
  const orm = await openDatabase(target);
  try {
    const db = orm.em.getConnection();
    const count = async (sql: string, params: unknown[] = []) =>
      Number(Object.values((await db.execute(sql, params))[0] as object)[0]);
    const [product] = await db.execute<Array<{ capacity: number; remaining: number }>>(
      'select capacity, remaining from products where id = ?',
      [hotProductId],
    );
    const sold = await count(`select count(*) from tickets where product_id = ? and state = 'issued'`, [hotProductId]);
    const approvedWithoutTickets = await count(
      `select count(*) from charges c where c.state = 'approved' and not exists (select 1 from tickets t where t.order_id = c.order_id and t.state = 'issued')`,
    );
    // A ticket with more redemption rows than it allows entries was admitted twice (the load generator counts admits seen, too).
    const doubleAdmits = await count(
      `select count(*) from tickets t join (select ticket_id, count(*) as n from redemptions group by ticket_id) r on r.ticket_id = t.id where r.n > t.entries_allowed`,
    );
    const redemptions = await count('select count(*) from redemptions');
    const capacity = Number(product!.capacity);
    const remaining = Number(product!.remaining);
    return {
      sold,
      capacity,
      remaining,
      oversold: Math.max(0, sold - capacity),
      stockMismatch: capacity - sold - remaining,
      approvedWithoutTickets,
      doubleAdmits,
      redemptions,
    };
  } finally {
    await orm.close();
  }
}
