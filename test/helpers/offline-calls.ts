/**
 * The off-line gate RPCs (SPEC §9) and ListGates as the tests call them, on a CenterClient's
 * generated clients, and a journal entry factory: shared by the offline-*.test.ts and
 * gate-status*.test.ts files.
 */
import { randomUUID } from 'node:crypto';
import {
  Direction,
  RejectReason,
  type GetGateManifestRequest,
  type OfflineAdmission,
  type SyncOfflineAdmissionsRequest,
} from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { cardUid, createProduct, purchaseRequest } from './factories.js';
import type { Stack } from './stack.js';
import { unary } from '../../terminal/rpc.js';

const TIMEOUT_MS = 20_000;

export const manifestOf = (client: CenterClient, request: Partial<GetGateManifestRequest> = {}) =>
  unary(
    client.gate.getGateManifest.bind(client.gate),
    { gateId: 'G1', knownVersion: '', pendingOffline: 0, ...request },
    TIMEOUT_MS,
  );

export const syncOffline = (client: CenterClient, request: SyncOfflineAdmissionsRequest) =>
  unary(client.gate.syncOfflineAdmissions.bind(client.gate), request, TIMEOUT_MS);

export const listGates = async (admin: CenterClient) =>
  (await unary(admin.admin.listGates.bind(admin.admin), {}, TIMEOUT_MS)).gates;

/** An off-line admission of `ticket` on card `cardId`, decided at `decidedAt` (override what the test is about). */
export function offlineEntry(
  ticket: CardTicket,
  cardId: string,
  decidedAt: Date,
  overrides: Partial<OfflineAdmission> = {},
): OfflineAdmission {
  return {
    entryId: randomUUID(),
    cardId,
    ticket,
    direction: Direction.DIRECTION_ENTRY,
    decidedAt,
    admitted: true,
    reason: RejectReason.REJECT_REASON_UNSPECIFIED,
    reentry: false,
    ...overrides,
  };
}

/** The card the off-line tests' tickets are issued to. */
export const CARD = cardUid(7);

/** One ticket of a new product (with `product`'s overrides) bought onto `cardId`. */
export async function buyTicket(
  stack: Stack,
  product: Parameters<typeof createProduct>[1] = {},
  cardId = CARD,
): Promise<CardTicket> {
  const { id } = await createProduct(stack.admin, product);
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(id, { cardId }));
  return purchase!.tickets[0]!;
}
