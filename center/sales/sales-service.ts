/** SalesService: thin gRPC handlers over purchase and order lookup. */
import { quoted } from '../../card/text.js';
import {
  UnavailabilityReason,
  type PurchaseTicketsResponse,
  type SalesServiceServer,
} from '../../gen/cardgate/v1/sales.js';
import { invalidInput, notFound } from '../domain-error.js';
import { unary, type HandlerContext } from '../grpc/unary.js';
import { OrderEntity } from './order.entity.js';
import { orderMessageOf } from './order-view.js';
import { purchaseTickets } from './purchase.js';
import type { SalesDeps } from './sales-deps.js';

export function salesService(context: HandlerContext, deps: SalesDeps): SalesServiceServer {
  return {
    purchaseTickets: unary(context, 'PurchaseTickets', ['kiosk'], async (request, caller) => {
      const response = await purchaseTickets(deps, request, caller);
      context.metrics?.purchase(outcomeOf(response));
      return response;
    }),

    getOrder: unary(context, 'GetOrder', ['kiosk'], async (request) => {
      if (!request.orderId) throw invalidInput('order_id is required');
      const em = deps.orm.em.fork();
      const order = await em.findOne(OrderEntity, { id: request.orderId.trim().toUpperCase() });
      if (!order) throw notFound(`no order ${quoted(request.orderId)}`);
      return { order: await orderMessageOf(em, order) };
    }),
  };
}

/** `issued`, or the unavailability reason in lower case (`sold_out`, `payment_declined`, ...). */
const outcomeOf = (response: PurchaseTicketsResponse) =>
  response.purchase
    ? 'issued'
    : (UnavailabilityReason[response.unavailable?.reason ?? 0] ?? 'unknown')
        .replace('UNAVAILABILITY_REASON_', '')
        .toLowerCase();
