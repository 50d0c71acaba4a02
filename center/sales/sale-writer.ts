/**
 * The one door to the writes of a sale (writes/), with group commit
 * (db/group-commit.ts): the reservation before the charge terminal is asked
 * (writes/reserve.ts), and the issue after it approved (writes/issue.ts).
 * Reservations and issues of concurrent buyers share one queue, so one
 * process never has two sale transactions waiting on each other's lock.
 * Every change keeps its own condition (stock `remaining >= n`, order
 * `state = 'pending'`), so batching changes no outcome, also against
 * another center on the same database.
 */
import type { MikroORM } from '@mikro-orm/core';
import { GroupCommit, type SqlTx } from '../db/group-commit.js';
import { issueSales, type SaleToIssue } from './writes/issue.js';
import { reserveSales, type Reservation, type SaleToReserve } from './writes/reserve.js';

type Write = { readonly reserve: SaleToReserve } | { readonly issue: SaleToIssue };
type Result = Reservation | boolean;

export class SaleWriter {
  private readonly commits: GroupCommit<Write, Result>;

  constructor(orm: MikroORM) {
    this.commits = new GroupCommit(orm, writeSales);
  }

  reserve(sale: SaleToReserve): Promise<Reservation> {
    return this.commits.submit({ reserve: sale }) as Promise<Reservation>;
  }

  /** True when this issue ended the sale; false when it had already ended otherwise (e.g. by recovery). */
  issue(sale: SaleToIssue): Promise<boolean> {
    return this.commits.submit({ issue: sale }) as Promise<boolean>;
  }
}

async function writeSales(sql: SqlTx, writes: readonly Write[]): Promise<Result[]> {
  const reserves = writes.flatMap((w) => ('reserve' in w ? [w.reserve] : []));
  const issues = writes.flatMap((w) => ('issue' in w ? [w.issue] : []));
  const reserved = reserves.length ? await reserveSales(sql, reserves) : new Map<SaleToReserve, Reservation>();
  const issued = issues.length ? await issueSales(sql, issues) : new Set<string>();
  return writes.map((w) => ('reserve' in w ? reserved.get(w.reserve)! : issued.has(w.issue.orderId)));
}
