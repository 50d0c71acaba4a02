/**
 * ListGates: every gate the center's database has heard from (gate_presence, written by
 * admission/gate-presence.ts from any center), with whether it is off line: not heard from for
 * longer than OFFLINE_AFTER_MS on the center's clock.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { GateStatus } from '../../gen/cardgate/v1/admin.js';
import { GatePresenceEntity } from '../admission/gate-presence.entity.js';
import { OFFLINE_AFTER_MS } from '../admission/gate-presence.js';

/** Ordered by gate id. */
export async function listGates(orm: MikroORM, now: Date): Promise<GateStatus[]> {
  const rows = await orm.em.fork().find(GatePresenceEntity, {}, { orderBy: { gateId: 'asc' } });
  return rows.map((row) => ({
    gateId: row.gateId,
    lastSeenAt: row.lastSeenAt,
    offline: now.getTime() - row.lastSeenAt.getTime() > OFFLINE_AFTER_MS,
    pendingOffline: row.pendingOffline,
    lastSyncAt: row.lastSyncAt ?? undefined,
  }));
}
