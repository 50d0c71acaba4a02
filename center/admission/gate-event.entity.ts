import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DirectionName } from './redemption.entity.js';

export const GATE_EVENT_KINDS = ['refused', 'annulled'] as const;
export type GateEventKind = (typeof GATE_EVENT_KINDS)[number];

/**
 * What happened at a gate besides a movement (those are `redemptions`): a presentation refused
 * (the failed-scan log) or a movement annulled. Appended only; WatchAdmissions reads it by id.
 * Ids and the product are as the card presented them: a refused one may name nothing the center
 * issued.
 */
export const GateEventEntity = defineEntity({
  name: 'GateEvent',
  tableName: 'gate_events',
  properties: {
    id: p.integer().primary().autoincrement(),
    kind: p.string().$type<GateEventKind>(),
    gateId: p.string(),
    ticketId: p.string(),
    productId: p.string(),
    cardId: p.string(),
    direction: p.string().$type<DirectionName>(),
    // REFUSED: the RejectReason's name without its prefix (ALREADY_USED, TAMPERED, …); '' otherwise.
    reason: p.string().default(''),
    at: p.datetime(),
    // A refusal an off-line gate decided and uploaded later: `at` is the gate's time.
    offline: p.boolean().default(false),
  },
});

export type GateEvent = InferEntity<typeof GateEventEntity>;
