import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The gates the center has heard from (AdminService.ListGates), one row per gate id, in the
 * database so that every center on it agrees. Written by gate-presence.ts: at most once per few
 * seconds per gate per center, from GateService calls of gate terminals only. terminal_id is the
 * gate terminal that first used the gate id: only it may upload that gate's off-line journal
 * (until its token is revoked).
 */
export const GatePresenceEntity = defineEntity({
  name: 'GatePresence',
  tableName: 'gate_presence',
  properties: {
    gateId: p.string().primary(),
    terminalId: p.string(),
    lastSeenAt: p.datetime(),
    // Off-line journal entries the gate said were waiting to upload, at its last manifest poll.
    pendingOffline: p.integer().default(0),
    lastSyncAt: p.datetime().nullable(),
  },
});

export type GatePresence = InferEntity<typeof GatePresenceEntity>;
