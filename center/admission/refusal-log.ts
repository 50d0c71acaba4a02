/**
 * The failed-scan log: each refused presentation (not a dry run) becomes a row of `gate_events`,
 * written with group commit after the gate has its answer, so a refusal costs the gate no wait.
 * The refusals of each LINGER_MS share one INSERT and its fsync: on its own, each cost ~0.4 ms of
 * the main thread under load. What WatchAdmissions streams of refusals comes from here, on every
 * center on the database alike. A write that fails is logged and lost: the refusal was
 * answered and nothing else depends on the row.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { GroupCommit, valuesRows, type SqlTx } from '../db/group-commit.js';
import type { DirectionName } from './redemption.entity.js';

export interface Refusal {
  readonly gateId: string;
  readonly ticketId: string;
  readonly productId: string;
  readonly cardId: string;
  readonly direction: DirectionName;
  /** RejectReason's name without its prefix. */
  readonly reason: string;
  readonly at: Date;
}

/** How long a refusal waits for others to share its INSERT: WatchAdmissions shows it that much later. */
const LINGER_MS = 25;

const COLUMNS = 'kind, gate_id, ticket_id, product_id, card_id, direction, reason, at';
const TYPES = ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'timestamptz'] as const;

export class RefusalLog {
  private readonly commits: GroupCommit<Refusal, void>;

  constructor(
    orm: MikroORM,
    private readonly logger: Logger,
  ) {
    this.commits = new GroupCommit(orm, writeRefusals, { oneStatement: true, lingerMs: LINGER_MS });
  }

  /** Records the refusal in the background. */
  record(refusal: Refusal): void {
    this.commits.submit(refusal).catch((error: unknown) => this.logger.error({ err: error }, 'refusal not logged'));
  }
}

async function writeRefusals(sql: SqlTx, refusals: readonly Refusal[]): Promise<void[]> {
  await sql.run(
    `insert into gate_events (${COLUMNS}) values ${valuesRows(sql, TYPES, refusals.length)}`,
    refusals.flatMap((r) => ['refused', r.gateId, r.ticketId, r.productId, r.cardId, r.direction, r.reason, r.at]),
  );
  return refusals.map(() => undefined);
}
