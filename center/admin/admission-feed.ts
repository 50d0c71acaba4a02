/**
 * What WatchAdmissions streams, read from the database so that every center
 * on it tells the same story: movements from `redemptions` (admissions,
 * re-entries, exits) and refusals and annulments from `gate_events`, each
 * read by id. The gates' writes are what they always were: the feed costs
 * the hot path nothing, and the database nothing while nobody watches — one
 * poller per center runs only while a stream is open, every `pollMs`, and
 * hands each event to every subscriber. What an off-line gate uploads later
 * (admission/offline-sync.ts) arrives the same way, as new rows marked
 * offline (and conflict), with `at` the time the gate decided.
 *
 * Ids are handed out when a row is inserted but become visible when it
 * commits, and on PostgreSQL two centers' commits can land out of id order.
 * So the feed does not simply remember the highest id it saw: it reads again
 * from the highest id it saw at least `lagMs` ago, and skips the ids it has
 * already told. A row whose commit is later than that after its id was taken
 * (none of ours: each is one short statement) would be missed. SQLite has one
 * writer at a time, so its ids commit in order and it needs no lag.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { AdmissionResult, type WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';
import { idCommitLagMs, withConnection, type SqlTx } from '../db/raw-sql.js';

export type AdmissionEvent = WatchAdmissionsResponse;
type Listener = (event: AdmissionEvent) => void;

/** Rows read per table per poll. */
const MAX_ROWS = 5000;

interface Row {
  id: number | string;
  kind: 'movement' | 'refused' | 'annulled';
  gate_id: string;
  ticket_id: string;
  product_id: string;
  direction: 'entry' | 'exit';
  reentry: boolean | number;
  reason: string;
  at: Date | number | string;
  offline: boolean | number;
  conflict: boolean | number;
}

const SOURCES = {
  movements:
    "select id, 'movement' as kind, gate_id, ticket_id, product_id, direction, reentry, '' as reason, " +
    `redeemed_at as at, offline, conflict from redemptions where id > ? order by id limit ${MAX_ROWS}`,
  gateEvents:
    'select id, kind, gate_id, ticket_id, product_id, direction, false as reentry, reason, at, offline, false as conflict ' +
    `from gate_events where id > ? order by id limit ${MAX_ROWS}`,
} as const;
type Source = keyof typeof SOURCES;

/** Where one table has been read to. */
class Cursor {
  /** Every id at or below it has been told. */
  private floor = 0;
  /** Ids above the floor already told, with when they were first read. */
  private readonly told = new Map<number, number>();

  constructor(private readonly lagMs: number) {}

  start(maxId: number): void {
    this.floor = maxId;
    this.told.clear();
  }

  get from(): number {
    return this.floor;
  }

  /** The rows not told before; afterwards, the floor rises to the highest id told at least lagMs ago. */
  fresh(rows: readonly Row[], now: number): Row[] {
    const fresh = rows.filter((row) => !this.told.has(Number(row.id)));
    for (const row of fresh) this.told.set(Number(row.id), now);
    let floor = this.floor;
    for (const [id, at] of this.told) if (at <= now - this.lagMs && id > floor) floor = id;
    for (const id of this.told.keys()) if (id <= floor) this.told.delete(id);
    this.floor = floor;
    return fresh;
  }
}

export class AdmissionFeed {
  private readonly listeners = new Set<Listener>();
  private readonly cursors: Record<Source, Cursor>;
  private timer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  /** Bumped at each start and halt, so that a poll of an earlier run never schedules another. */
  private run = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {
    const lagMs = idCommitLagMs(orm);
    this.cursors = { movements: new Cursor(lagMs), gateEvents: new Cursor(lagMs) };
  }

  /** Tells `listener` every event from now on; resolves, once the feed is reading, with the function that stops it. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    const stop = () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.halt();
    };
    try {
      this.starting ??= this.start();
      await this.starting;
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  close(): void {
    this.listeners.clear();
    this.halt();
  }

  private async start(): Promise<void> {
    const [movements, gateEvents] = await withConnection(this.orm, (sql) =>
      Promise.all([maxId(sql, 'redemptions'), maxId(sql, 'gate_events')]),
    );
    this.cursors.movements.start(movements);
    this.cursors.gateEvents.start(gateEvents);
    const run = ++this.run;
    this.timer = setTimeout(() => void this.poll(run), this.pollMs);
  }

  private halt(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.starting = undefined;
    this.run++;
  }

  private async poll(run: number): Promise<void> {
    try {
      const rows = await withConnection(this.orm, (sql) =>
        Promise.all(
          (Object.keys(SOURCES) as Source[]).map(async (source) => {
            const read = await sql.all<Row>(SOURCES[source], [this.cursors[source].from]);
            return this.cursors[source].fresh(read, Date.now());
          }),
        ),
      );
      const events = rows.flat().map(eventOf);
      events.sort((a, b) => a.at!.getTime() - b.at!.getTime());
      if (run !== this.run) return;
      for (const event of events) for (const listener of this.listeners) listener(event);
    } catch (error) {
      this.logger.error({ err: error }, 'admission feed: reading the database failed; trying again');
    } finally {
      if (run === this.run && this.listeners.size > 0) this.timer = setTimeout(() => void this.poll(run), this.pollMs);
    }
  }
}

async function maxId(sql: SqlTx, table: string): Promise<number> {
  const [row] = await sql.all<{ id: number | string | null }>(`select max(id) as id from ${table}`, []);
  return Number(row?.id ?? 0);
}

const dateOf = (value: Date | number | string) =>
  value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

function eventOf(row: Row): AdmissionEvent {
  const exit = row.direction === 'exit';
  const result =
    row.kind === 'refused'
      ? AdmissionResult.ADMISSION_RESULT_REFUSED
      : row.kind === 'annulled'
        ? AdmissionResult.ADMISSION_RESULT_ANNULLED
        : exit
          ? AdmissionResult.ADMISSION_RESULT_EXITED
          : AdmissionResult.ADMISSION_RESULT_ADMITTED;
  const reason = row.reason ? RejectReason[`REJECT_REASON_${row.reason}` as keyof typeof RejectReason] : undefined;
  return {
    result,
    gateId: row.gate_id,
    ticketId: row.ticket_id,
    productId: row.product_id,
    reason: typeof reason === 'number' ? reason : RejectReason.REJECT_REASON_UNSPECIFIED,
    at: dateOf(row.at),
    direction: exit ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
    reentry: Boolean(row.reentry),
    offline: Boolean(row.offline),
    conflict: Boolean(row.conflict),
  };
}
