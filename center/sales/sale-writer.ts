/**
 * The one door to the writes of a sale (writes/), with group commit
 * (db/group-commit.ts): the reservation before the charge terminal is asked,
 * and the end after it answered, with tickets (issue) or without (refuse),
 * for the live path and for recovery alike. Writes of concurrent buyers
 * share one queue, so one process never has two sale transactions waiting
 * on each other's lock. Every change keeps its own condition (stock
 * `remaining >= n`, order `state = 'pending'`), so batching changes no
 * outcome, also against another center on the same database.
 */
import type { MikroORM } from '@mikro-orm/core';
import { GroupCommit, type SqlTx } from '../db/group-commit.js';
import { issueSales, type SaleToIssue } from './writes/issue.js';
import { refuseSales, type SaleToRefuse } from './writes/refuse.js';
import { reserveSales, type Reservation, type SaleToReserve } from './writes/reserve.js';

type Write = { readonly reserve: SaleToReserve } | { readonly issue: SaleToIssue } | { readonly refuse: SaleToRefuse };
type Result = Reservation | boolean;

export class SaleWriter {
  private readonly commits: GroupCommit<Write, Result>;

  constructor(orm: MikroORM) {
    // Two writes of one order never share a batch: each must see the other's outcome (one ender wins).
    this.commits = new GroupCommit(orm, writeSales, { key: orderOf });
  }

  reserve(sale: SaleToReserve): Promise<Reservation> {
    return this.commits.submit({ reserve: sale }) as Promise<Reservation>;
  }

  /** True when this issue ended the sale; false when it had already ended otherwise (e.g. by recovery). */
  issue(sale: SaleToIssue): Promise<boolean> {
    return this.commits.submit({ issue: sale }) as Promise<boolean>;
  }

  /** True when this refusal ended the sale; false when it had already ended otherwise. */
  refuse(sale: SaleToRefuse): Promise<boolean> {
    return this.commits.submit({ refuse: sale }) as Promise<boolean>;
  }
}

const orderOf = (w: Write) => ('reserve' in w ? w.reserve.order.id : 'issue' in w ? w.issue.orderId : w.refuse.orderId);

/** Refusals first, so the seats they give back are on sale to the reservations of the same batch. */
async function writeSales(sql: SqlTx, writes: readonly Write[]): Promise<Result[]> {
  const refuses = writes.flatMap((w) => ('refuse' in w ? [w.refuse] : []));
  const reserves = writes.flatMap((w) => ('reserve' in w ? [w.reserve] : []));
  const issues = writes.flatMap((w) => ('issue' in w ? [w.issue] : []));
  const refused = refuses.length ? await refuseSales(sql, refuses) : new Set<string>();
  const reserved = reserves.length ? await reserveSales(sql, reserves) : new Map<SaleToReserve, Reservation>();
  const issued = issues.length ? await issueSales(sql, issues) : new Set<string>();
  return writes.map((w) =>
    'reserve' in w
      ? reserved.get(w.reserve)!
      : 'issue' in w
        ? issued.has(w.issue.orderId)
        : refused.has(w.refuse.orderId),
  );
}
