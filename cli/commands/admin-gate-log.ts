/**
 * What `admin redemptions` and `admin export --what redemptions` show: the movements (ListRedemptions)
 * and the refused presentations (ListRefusals, the failed-scan log), newest first, with event and
 * buyer names.
 */
import type { Refusal } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason, type Redemption } from '../../gen/cardgate/v1/gate.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { enumWord } from './admin-common.js';

export interface GateLogFilters {
  readonly productId: string;
  readonly gateId: string;
}

/** Event names by product id and buyer names by order id, for redemption rows. */
export interface Names {
  readonly event: (productId: string) => string;
  readonly buyer: (orderId: string) => string;
}

export async function namesOf(center: CenterClient, redemptions: readonly Redemption[]): Promise<Names> {
  if (redemptions.length === 0) return { event: () => '', buyer: () => '' };
  const orderIds = [...new Set(redemptions.map((r) => r.orderId))];
  const orders = await center.listOrders(orderIds.length, { orderIds });
  const events = new Map(orders.flatMap((o) => o.lines.map((line) => [line.productId, line.productName] as const)));
  const buyers = new Map(orders.map((o) => [o.orderId, o.buyerName]));
  return { event: (id) => events.get(id) ?? '', buyer: (id) => buyers.get(id) ?? '' };
}

export const movementWord = (r: Redemption) =>
  r.direction === Direction.DIRECTION_EXIT ? 'exit' : r.reentry ? 're-entry' : 'entry';

export const reasonWord = (refusal: Refusal) => enumWord(RejectReason[refusal.reason], 'REJECT_REASON_');

/** One row of the gate log as JSON and CSV write it: a movement or a refusal. */
export interface GateLogRow {
  at: string | null;
  kind: string;
  gate_id: string;
  ticket_id: string;
  product_id: string;
  event: string;
  order_id: string;
  buyer_name: string;
  entry_number: number | null;
  reason: string;
  annulled_at: string | null;
  /** Decided by a gate off line; `at` is the gate's time. */
  offline: boolean;
  /** One admission too many for its ticket (see Redemption.conflict). */
  conflict: boolean;
}

export function redemptionRow(r: Redemption, names: Names): GateLogRow {
  return {
    at: r.redeemedAt?.toISOString() ?? null,
    kind: movementWord(r),
    gate_id: r.gateId,
    ticket_id: r.ticketId,
    product_id: r.productId,
    event: names.event(r.productId),
    order_id: r.orderId,
    buyer_name: names.buyer(r.orderId),
    entry_number: r.entryNumber,
    reason: '',
    annulled_at: r.annulledAt?.toISOString() ?? null,
    offline: r.offline,
    conflict: r.conflict,
  };
}

export function refusalRow(f: Refusal): GateLogRow {
  return {
    at: f.at?.toISOString() ?? null,
    kind: f.direction === Direction.DIRECTION_EXIT ? 'exit refused' : 'refused',
    gate_id: f.gateId,
    ticket_id: f.ticketId,
    product_id: f.productId,
    event: f.productName,
    order_id: f.orderId,
    buyer_name: f.buyerName,
    entry_number: null,
    reason: reasonWord(f),
    annulled_at: null,
    offline: f.offline,
    conflict: false,
  };
}

/** Rows newest first. */
export const newestFirst = (rows: GateLogRow[]): GateLogRow[] =>
  rows.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
