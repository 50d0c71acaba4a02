import { Direction, type Redemption as RedemptionMessage } from '../../gen/cardgate/v1/gate.js';
import type { Redemption } from './redemption.entity.js';

/** The API view of a movement row (ListRedemptions, AnnulRedemption). */
export function redemptionMessage(row: Redemption): RedemptionMessage {
  return {
    ticketId: row.ticketId,
    productId: row.productId,
    orderId: row.orderId,
    gateId: row.gateId,
    cardId: row.cardId,
    redeemedAt: row.redeemedAt,
    entryNumber: row.entryNumber,
    direction: row.direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
    reentry: row.reentry,
    annulledAt: row.annulledAt ?? undefined,
    offline: row.offline,
    conflict: row.conflict,
  };
}
