/**
 * AnnulRedemption (SPEC §10): the gate that let a ticket through undoes that
 * movement within 15 minutes, when the buyer did not go through after all.
 * Only the ticket's last movement can be undone, only by the gate that made
 * it, only once: the row stays in `redemptions` with annulled_at set, and
 * from then on it counts for nothing (judge.ts reads only movements that were
 * not annulled), so the entry it used is free again. The one UPDATE checks
 * again that the movement is still the ticket's last and not yet undone, so
 * of two gates racing (a second annulment, a new movement) only a consistent
 * outcome is written. The annulment is also appended to `gate_events`, for
 * WatchAdmissions.
 */
import type { MikroORM } from '@mikro-orm/core';
import { quoted } from '../../card/text.js';
import { DomainError, notFound } from '../domain-error.js';
import { rawTransaction } from '../db/raw-sql.js';
import { TicketEntity } from '../sales/ticket.entity.js';
import { RedemptionEntity, type Redemption } from './redemption.entity.js';

/** How long after letting a ticket through its gate may still undo it. */
export const ANNUL_WINDOW_MS = 15 * 60 * 1000;

const hhmm = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;
const refused = (message: string) => new DomainError('CONFLICT', message);

/** Marks the ticket's last movement annulled; returns it as it now stands. */
export async function annulLastMovement(
  orm: MikroORM,
  gateId: string,
  ticketId: string,
  now: Date,
): Promise<Redemption> {
  // Two tries: a movement or annulment that slips in between the read and the update is read and judged afresh.
  for (let attempt = 0; attempt < 2; attempt++) {
    const em = orm.em.fork();
    const last = await em.findOne(RedemptionEntity, { ticketId }, { orderBy: { entryNumber: 'desc' } });
    if (!last) {
      const ticket = await em.findOne(TicketEntity, { id: ticketId }, { fields: ['id'] });
      throw notFound(
        ticket
          ? `ticket ${ticketId} has not been through any gate: there is nothing to undo`
          : `no ticket ${quoted(ticketId)}`,
      );
    }
    refuseToUndo(last, gateId, now);
    const undone = await rawTransaction(orm, async (sql) => {
      const rows = await sql.all<{ id: number }>(
        'update redemptions set annulled_at = ? where id = ? and annulled_at is null and not exists ' +
          '(select 1 from redemptions n where n.ticket_id = ? and n.entry_number > ?) returning id',
        [now, last.id, ticketId, last.entryNumber],
      );
      // The annulment as WatchAdmissions streams it, in the same transaction.
      if (rows.length === 1) {
        await sql.run(
          'insert into gate_events (kind, gate_id, ticket_id, product_id, card_id, direction, reason, at) ' +
            "values ('annulled', ?, ?, ?, ?, ?, '', ?)",
          [last.gateId, last.ticketId, last.productId, last.cardId, last.direction, now],
        );
      }
      return rows.length === 1;
    });
    if (undone) return { ...last, annulledAt: now };
  }
  throw refused(`ticket ${ticketId} was let through again meanwhile: scan it again`);
}

/** Why this gate may not undo `last` now, thrown; nothing when it may. */
function refuseToUndo(last: Redemption, gateId: string, now: Date): void {
  const what = last.direction === 'exit' ? 'exit' : 'admission';
  if (last.annulledAt) {
    throw refused(
      `ticket ${last.ticketId}'s last ${what} (gate ${last.gateId}, ${hhmm(last.redeemedAt)}) ` +
        `was already undone at ${hhmm(last.annulledAt)}`,
    );
  }
  if (last.gateId !== gateId) {
    throw refused(
      `ticket ${last.ticketId} was last let through at gate ${last.gateId}, not here: only gate ${last.gateId} can undo it`,
    );
  }
  if (now.getTime() - last.redeemedAt.getTime() > ANNUL_WINDOW_MS) {
    throw refused(
      `ticket ${last.ticketId}'s ${what} at ${hhmm(last.redeemedAt)} is more than 15 minutes old: it can no longer be undone`,
    );
  }
}
