/**
 * SyncOfflineAdmissions (SPEC §9): a gate that decided alone while the
 * center was unreachable uploads its journal, and the center records what
 * happened there with the gate's real id and time. Each entry is one short
 * transaction, oldest first:
 *
 * 1. its (gate, entry id) row in `offline_entries` — `ON CONFLICT DO NOTHING`
 *    on that primary key makes the upload idempotent: an entry uploaded
 *    again, or by two uploads at once (the second waits for the first's
 *    commit and then inserts nothing), is a duplicate and records nothing;
 * 2. a refusal becomes a `gate_events` row (kind refused, offline), as the
 *    on-line failed-scan log writes them, so WatchAdmissions shows it;
 * 3. an admission becomes a movement in `redemptions` (offline), numbered
 *    after the ticket's movements so far under the same unique
 *    (ticket_id, entry_number) as every movement: losing that number to a
 *    gate on line (or another upload) rolls the entry back and judges it
 *    again on the fresh rows.
 *
 * An uploaded entry is judged by the one judge (card/admission/judge.ts), at
 * the time the gate decided, against what the center knows now: its other
 * entries (on line, or other gates' uploads). The buyer went in whatever the
 * judge says, so the movement is always recorded; when the judge would not
 * have admitted it, it is marked `conflict` (one too many for its ticket),
 * counted and logged as a warning with gate, ticket and product. That covers
 * entries used up (two off-line gates, a copied card, an on-line entry
 * first) and also a ticket cancelled, edited, bound to another card or
 * unknown to the center (one a gate could only have admitted if its
 * signature verified): each is recorded as a conflict on the ticket id the
 * card carried, so an operator sees it, rather than refused and lost. An
 * exit is recorded as it happened and is never a conflict (a person may
 * always leave).
 *
 * Movements are numbered in the order the center learns of them, so an
 * uploaded entry can be numbered after an on-line one that happened later;
 * `redeemed_at` keeps the real time.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { RejectReason, type SyncOfflineAdmissionsResponse } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { SignatureCheck } from '../../card/admission/judge.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { rawTransaction, type SqlTx } from '../db/raw-sql.js';
import { REDEMPTION_COLUMNS } from './admission-sql.js';
import { judgeMovement, type Movement } from './offline-movement.js';
import { reasonName } from '../../card/admission/verdict-response.js';
import type { DirectionName } from './redemption.entity.js';

/** One journal entry as the handler decoded and checked it. */
export interface UploadedEntry {
  readonly entryId: string;
  readonly cardId: string;
  readonly cardTicket: CardTicket;
  readonly direction: DirectionName;
  /** On the gate's clock. */
  readonly decidedAt: Date;
  readonly admitted: boolean;
  /** A refusal's RejectReason. */
  readonly reason: RejectReason;
}

/** What became of one entry. */
export type EntryOutcome = 'admitted' | 'exited' | 'conflict' | 'refused' | 'duplicate';

export interface SyncDeps {
  readonly orm: MikroORM;
  readonly verify: SignatureCheck;
  readonly products: ProductCache;
  readonly logger: Logger;
  /** Told each entry's outcome (metrics). */
  readonly counted?: (outcome: EntryOutcome, gateId: string) => void;
}

/** How often an entry is judged again after losing its movement number to another gate. */
const MAX_ATTEMPTS = 5;

/** Records `entries` of `gateId`'s journal, oldest first; idempotent per (gate, entry id). */
export async function syncOfflineAdmissions(
  deps: SyncDeps,
  gateId: string,
  entries: readonly UploadedEntry[],
  now: Date,
): Promise<SyncOfflineAdmissionsResponse> {
  const response = { acceptedEntryIds: [] as string[], recorded: 0, duplicates: 0, conflicts: 0 };
  for (const entry of entries) {
    const outcome = await recordEntry(deps, gateId, entry, now);
    deps.counted?.(outcome, gateId);
    response.acceptedEntryIds.push(entry.entryId);
    if (outcome === 'duplicate') response.duplicates++;
    else response.recorded++;
    if (outcome === 'conflict') response.conflicts++;
  }
  return response;
}

/** Thrown inside an entry's transaction to roll it back: another gate took the movement number. */
class Raced extends Error {}

async function recordEntry(deps: SyncDeps, gateId: string, entry: UploadedEntry, now: Date): Promise<EntryOutcome> {
  for (let attempt = 1; ; attempt++) {
    // Judged on a read made before the transaction, as an on-line take is (redeem.ts, entry-writer.ts): a movement
    // that lands in between has taken this number, the insert below inserts nothing and the entry is judged again.
    // (Nothing is read inside the transaction: it holds SQLite's write lock and its pooled connection meanwhile.)
    const movement = entry.admitted ? await judgeMovement(deps, gateId, entry) : undefined;
    try {
      const outcome = await rawTransaction(deps.orm, async (sql): Promise<EntryOutcome> => {
        const fresh = await sql.all(
          'insert into offline_entries (gate_id, entry_id, uploaded_at) values (?, ?, ?) on conflict do nothing returning entry_id',
          [gateId, entry.entryId, now],
        );
        if (fresh.length === 0) return 'duplicate';
        if (!movement) {
          await recordRefusal(sql, gateId, entry);
          return 'refused';
        }
        const inserted = await sql.all(
          `insert into redemptions (${REDEMPTION_COLUMNS}, offline, conflict) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?) ` +
            'on conflict do nothing returning id',
          [
            movement.ticketId,
            movement.number,
            movement.productId,
            movement.orderId,
            gateId,
            entry.cardId,
            entry.decidedAt,
            entry.direction,
            movement.reentry,
            movement.conflict !== undefined,
          ],
        );
        if (inserted.length === 0) throw new Raced();
        return movement.conflict !== undefined ? 'conflict' : entry.direction === 'exit' ? 'exited' : 'admitted';
      });
      // Once committed: the warning is about what is recorded.
      if (outcome === 'conflict') warnConflict(deps.logger, gateId, movement!, entry);
      return outcome;
    } catch (error) {
      if (!(error instanceof Raced) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function recordRefusal(sql: SqlTx, gateId: string, entry: UploadedEntry): Promise<void> {
  const info = entry.cardTicket.ticket!;
  // The ids are as the card says: a forged card's may be anything, so the log keeps a bounded piece (as refusal-log.ts).
  await sql.run(
    'insert into gate_events (kind, gate_id, ticket_id, product_id, card_id, direction, reason, at, offline) ' +
      "values ('refused', ?, ?, ?, ?, ?, ?, ?, true)",
    [
      gateId,
      info.ticketId.slice(0, 64),
      info.productId.slice(0, 64),
      entry.cardId,
      entry.direction,
      reasonName(entry.reason),
      entry.decidedAt,
    ],
  );
}

/** The operator's line for a conflict: gate, ticket, product and why, never card data. */
function warnConflict(logger: Logger, gateId: string, movement: Movement, entry: UploadedEntry): void {
  logger.warn(
    {
      gateId,
      ticketId: movement.ticketId,
      productId: movement.productId,
      reason: reasonName(movement.conflict!),
      decidedAt: entry.decidedAt,
    },
    'off-line admission conflict: recorded, but one too many for its ticket',
  );
}
