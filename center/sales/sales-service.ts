/** SalesService: thin gRPC handlers over purchase and order lookup. */
import type { SalesServiceServer } from '../../gen/cardgate/v1/sales.js';
import { invalidInput, notFound } from '../domain-error.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import { OrderEntity } from './order.entity.js';
import { orderMessageOf } from './order-view.js';
import { purchaseTickets } from './purchase.js';
import type { SalesDeps } from './sales-deps.js';

export function salesService(context: HandlerContext, deps: SalesDeps): SalesServiceServer {
  return {
    purchaseTickets: unary(context, 'PurchaseTickets', ['kiosk'], (request, caller) =>
      purchaseTickets(deps, request, caller),
    ),

    getOrder: unary(context, 'GetOrder', ['kiosk'], async (request) => {
      if (!request.orderId) throw invalidInput('order_id is required');
      const em = deps.orm.em.fork();
      const order = await em.findOne(OrderEntity, { id: request.orderId.trim().toUpperCase() });
      if (!order) throw notFound(`no order "${request.orderId}"`);
      return { order: await orderMessageOf(em, order) };
    }),
  };
}
