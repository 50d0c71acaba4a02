/** AdminService: operator RPCs; admin tokens only. */
import type { MikroORM } from '@mikro-orm/core';
import type { AdminServiceServer } from '../../gen/cardgate/v1/admin.js';
import type { AvailabilityHub } from '../catalog/availability-hub.js';
import { toProductMessage } from '../catalog/product-message.js';
import { invalidInput } from '../domain-error.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import { RedemptionEntity } from '../admission/redemption.entity.js';
import { redemptionMessage } from '../admission/redemption-message.js';
import type { ChargeGateway } from '../sales/charge-gateway.js';
import { orderMessageOf } from '../sales/order-view.js';
import { publishStock } from '../sales/publish-stock.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { listAuditEvents } from './audit.js';
import { cancelOrder } from './cancel-order.js';
import { listGates } from './list-gates.js';
import { createProduct } from './create-product.js';
import { listOrders } from './list-orders.js';
import { listRefusals } from './list-refusals.js';
import { listProductStats } from './product-stats.js';
import { updateProduct } from './update-product.js';
import { watchAdmissions, type WatchDeps } from './watch-admissions-service.js';

const ADMIN = [] as const; // admin may call everything; no other role may call these
const limitOf = (limit: number) => Math.min(Math.max(limit || 100, 1), 1000);
const offsetOf = (offset: number | undefined) => Math.max(offset ?? 0, 0);

export function adminService(
  context: HandlerContext,
  orm: MikroORM,
  charge: ChargeGateway,
  hub: AvailabilityHub,
  now: () => Date,
  watch: Omit<WatchDeps, 'context'>,
  products?: ProductCache,
): AdminServiceServer {
  return {
    watchAdmissions: watchAdmissions({ context, ...watch }),

    createProduct: unary(context, 'CreateProduct', ADMIN, async (request, caller) => {
      const product = await createProduct(orm.em.fork(), request, now(), caller.name);
      hub.publish({
        productId: product.id,
        remaining: product.remaining,
        capacity: product.capacity,
        product: undefined,
      });
      return { product: toProductMessage(product) };
    }),

    cancelOrder: unary(context, 'CancelOrder', ADMIN, async (request, caller) => {
      if (!request.orderId) throw invalidInput('order_id is required');
      const em = orm.em.fork();
      const { order, alreadyCancelled, usedTickets } = await cancelOrder(em, charge, request.orderId, now(), {
        force: request.force,
        actor: caller.name,
        reason: request.reason,
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
      const rows = await orm.em.fork().find(RedemptionEntity, where, {
        orderBy: { redeemedAt: 'desc', id: 'desc' },
        limit: limitOf(request.limit),
        offset: offsetOf(request.offset),
      });
      return {
        redemptions: rows.map(redemptionMessage),
      };
    }),

    listOrders: unary(context, 'ListOrders', ADMIN, async (request) => ({
      orders: await listOrders(orm.em.fork(), request, limitOf(request.limit), offsetOf(request.offset)),
    })),

    listProductStats: unary(context, 'ListProductStats', ADMIN, async (request) => ({
      products: await listProductStats(orm, orm.em.fork(), now(), request.includePast),
    })),

    listGates: unary(context, 'ListGates', ADMIN, async () => ({ gates: await listGates(orm, now()) })),

    updateProduct: unary(context, 'UpdateProduct', ADMIN, async (request, caller) => {
      const product = await updateProduct(orm.em.fork(), request, caller.name, now());
      products?.forget(product.id);
      context.logger.info({ productId: product.id, by: caller.name }, 'product updated');
      // With the product itself, so kiosks stop offering it at once when its sales closed.
      const message = toProductMessage(product);
      hub.publish({
        productId: product.id,
        remaining: product.remaining,
        capacity: product.capacity,
        product: message,
      });
      return { product: message };
    }),

    listRefusals: unary(context, 'ListRefusals', ADMIN, async (request) => ({
      refusals: await listRefusals(orm.em.fork(), request, limitOf(request.limit), offsetOf(request.offset)),
    })),

    listAuditEvents: unary(context, 'ListAuditEvents', ADMIN, async (request) => ({
      events: (await listAuditEvents(orm.em.fork(), limitOf(request.limit))).map((event) => ({
        at: event.at,
        actor: event.actor,
        action: event.action,
        subject: event.subject,
        detail: event.detail,
      })),
    })),
  };
}
