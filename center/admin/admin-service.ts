/** AdminService: operator RPCs; admin tokens only. */
import { status } from '@grpc/grpc-js';
import type { MikroORM } from '@mikro-orm/core';
import type { AdminServiceServer } from '../../gen/cardgate/v1/admin.js';
import type { AvailabilityHub } from '../catalog/availability-hub.js';
import { toProductMessage } from '../catalog/product-message.js';
import { invalidInput } from '../domain-error.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import { RedemptionEntity } from '../admission/redemption.entity.js';
import { redemptionMessage } from '../admission/redemption-message.js';
import type { ChargeGateway } from '../sales/charge-gateway.js';
import { OrderEntity } from '../sales/order.entity.js';
import { orderMessageOf, orderStateOf } from '../sales/order-view.js';
import { publishStock } from '../sales/publish-stock.js';
import { TicketEntity } from '../sales/ticket.entity.js';
import { cancelOrder } from './cancel-order.js';
import { listGates } from './list-gates.js';
import { createProduct } from './create-product.js';
import { watchAdmissions, type WatchDeps } from './watch-admissions-service.js';

const ADMIN = [] as const; // admin may call everything; no other role may call these
const limitOf = (limit: number) => Math.min(Math.max(limit || 100, 1), 1000);

export function adminService(
  context: HandlerContext,
  orm: MikroORM,
  charge: ChargeGateway,
  hub: AvailabilityHub,
  now: () => Date,
  watch: Omit<WatchDeps, 'context'>,
): AdminServiceServer {
  return {
    watchAdmissions: watchAdmissions({ context, ...watch }),

    createProduct: unary(context, 'CreateProduct', ADMIN, async (request) => {
      const product = await createProduct(orm.em.fork(), request, now());
      hub.publish({ productId: product.id, remaining: product.remaining, capacity: product.capacity });
      return { product: toProductMessage(product) };
    }),

    cancelOrder: unary(context, 'CancelOrder', ADMIN, async (request) => {
      if (!request.orderId) throw invalidInput('order_id is required');
      const em = orm.em.fork();
      const { order, alreadyCancelled, usedTickets } = await cancelOrder(em, charge, request.orderId, now(), {
        force: request.force,
      });
      if (!alreadyCancelled) {
        context.logger.info({ orderId: order.id, reason: request.reason, usedTickets }, 'order cancelled');
        publishStock(
          { hub },
          order.lines.map((line) => line.productId),
        );
      }
      return { order: await orderMessageOf(em, order), alreadyCancelled, usedTickets };
    }),

    listRedemptions: unary(context, 'ListRedemptions', ADMIN, async (request) => {
      const where = {
        ...(request.productId ? { productId: request.productId } : {}),
        ...(request.gateId ? { gateId: request.gateId } : {}),
      };
      const rows = await orm.em
        .fork()
        .find(RedemptionEntity, where, { orderBy: { redeemedAt: 'desc', id: 'desc' }, limit: limitOf(request.limit) });
      return {
        redemptions: rows.map(redemptionMessage),
      };
    }),

    listOrders: unary(context, 'ListOrders', ADMIN, async (request) => {
      const em = orm.em.fork();
      const orders = await em.find(
        OrderEntity,
        {},
        { orderBy: { orderedAt: 'desc', id: 'desc' }, limit: limitOf(request.limit) },
      );
      const counts = new Map<string, number>();
      for (const ticket of await em.find(
        TicketEntity,
        { orderId: { $in: orders.map((o) => o.id) } },
        { fields: ['orderId'] },
      )) {
        counts.set(ticket.orderId, (counts.get(ticket.orderId) ?? 0) + 1);
      }
      return {
        orders: orders.map((order) => ({
          orderId: order.id,
          state: orderStateOf(order),
          buyerName: order.buyerName,
          total: { currencyCode: order.currencyCode, amountMinor: order.totalMinor },
          ticketCount: counts.get(order.id) ?? 0,
          orderedAt: order.orderedAt,
          unavailabilityReason: order.unavailableReason ?? 0,
        })),
      };
    }),

    // Being built this session (the dashboard and `admin products`); UNIMPLEMENTED until then.
    listProductStats: (_call, callback) => callback({ code: status.UNIMPLEMENTED, details: 'not yet' }),

    listGates: unary(context, 'ListGates', ADMIN, async () => ({ gates: await listGates(orm, now()) })),
  };
}
