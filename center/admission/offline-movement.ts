/**
 * What an uploaded off-line admission or exit becomes (offline-sync.ts): the movement to record,
 * judged by the one judge (card/admission/judge.ts) at the time the gate decided, against the
 * ticket's rows as they are now. An admission the judge would not have made is still a movement,
 * with the judge's reason as its conflict; an exit is recorded as it happened.
 */
import { judgeAdmission } from '../../card/admission/judge.js';
import { presentTicket } from '../../card/admission/presented-ticket.js';
import type { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { withConnection, type SqlTx } from '../db/raw-sql.js';
import type { SyncDeps, UploadedEntry } from './offline-sync.js';
import { rulesOf } from './product-rules.js';
import { knownTicket, readRecords } from './ticket-record.js';

export interface Movement {
  readonly ticketId: string;
  /** Its number among the ticket's movements. */
  readonly number: number;
  readonly productId: string;
  readonly orderId: string;
  readonly reentry: boolean;
  /** Why the judge would not have admitted it (a conflict); undefined: it would have. */
  readonly conflict?: RejectReason;
}

/** The movement to record for an uploaded admission or exit, judged on the ticket's rows as they are now. */
export async function judgeMovement(deps: SyncDeps, gateId: string, entry: UploadedEntry): Promise<Movement> {
  const info = entry.cardTicket.ticket!;
  const { record, where } = await withConnection(deps.orm, async (sql) => {
    const found = (await readRecords(sql, [info.ticketId])).get(info.ticketId);
    return {
      record: found,
      where: found
        ? { ticketId: found.id, number: found.movements + 1, productId: found.productId, orderId: found.orderId }
        : await unknownTicket(sql, info.ticketId.slice(0, 64), info.productId.slice(0, 64)),
    };
  });
  if (entry.direction === 'exit') return { ...where, reentry: false };
  const known = record ? knownTicket(record, rulesOf(await deps.products.get(record.productId))) : null;
  const verdict = judgeAdmission(
    presentTicket(entry.cardTicket, entry.cardId, gateId),
    known,
    entry.decidedAt,
    deps.verify,
  );
  return verdict.admitted
    ? { ...where, reentry: verdict.reentry }
    : { ...where, reentry: false, conflict: verdict.reason };
}

/** A ticket id the center has no issued or cancelled ticket for: numbered after any movements already recorded under it. */
async function unknownTicket(sql: SqlTx, ticketId: string, productId: string) {
  const [row] = await sql.all<{ n: number | string }>('select count(*) as n from redemptions where ticket_id = ?', [
    ticketId,
  ]);
  return { ticketId, number: Number(row?.n ?? 0) + 1, productId, orderId: '' };
}
