/** `cardgate admin orders | cancel-order`: orders, through the center's AdminService. */
import { InvalidArgumentError, type Command } from 'commander';
import type { OrderSummary } from '../../gen/cardgate/v1/admin.js';
import { OrderState, UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { formatMoney } from '../money.js';
import { wholeNumber } from '../options.js';
import {
  centerOptions,
  enumWord,
  jsonOption,
  printJson,
  printTable,
  stateWord,
  timeWord,
  withCenter,
  type CenterFlags,
} from './admin-common.js';

const STATES = ['pending', 'issued', 'unavailable', 'cancelled'] as const;

const stateFlag = (value: string): OrderState => {
  if (!(STATES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`--state must be one of ${STATES.join(', ')}, not ${JSON.stringify(value)}`);
  return OrderState[`ORDER_STATE_${value.toUpperCase()}` as keyof typeof OrderState];
};

/** Why the order is in its state: the unavailability reason, or the operator's reason for a cancellation. */
const reasonOf = (order: OrderSummary): string => {
  if (order.state === OrderState.ORDER_STATE_UNAVAILABLE)
    return enumWord(UnavailabilityReason[order.unavailabilityReason], 'UNAVAILABILITY_REASON_');
  if (order.state === OrderState.ORDER_STATE_CANCELLED) return order.cancelReason;
  return '';
};

/** One order as `admin orders --json` and `admin export --what orders` write it. */
export const orderRow = (order: OrderSummary) => ({
  ordered_at: order.orderedAt?.toISOString() ?? null,
  order_id: order.orderId,
  event: order.lines.map((line) => line.productName || line.productId).join(' + '),
  product_ids: order.lines.map((line) => line.productId).join(' '),
  tickets: order.ticketCount,
  total: order.total ? formatMoney(order.total.amountMinor, order.total.currencyCode) : '',
  state: stateWord(order.state),
  reason: reasonOf(order),
  cancelled_at: order.cancelledAt?.toISOString() ?? null,
  buyer_name: order.buyerName,
  email: order.email,
  card_id: order.cardId,
});

export type OrderFilterFlags = {
  product?: string;
  buyer?: string;
  email?: string;
  card?: string;
  state?: OrderState;
};

export const orderFilters = (o: OrderFilterFlags) => ({
  productId: o.product ?? '',
  buyerName: o.buyer ?? '',
  email: o.email ?? '',
  cardId: o.card?.toUpperCase() ?? '',
  state: o.state ?? OrderState.ORDER_STATE_UNSPECIFIED,
});

/** The filter flags `admin orders` and `admin export --what orders` share. */
export const orderFilterOptions = (command: Command): Command =>
  command
    .option('--product <id>', "only this product's orders")
    .option('--buyer <text>', 'only buyers whose name holds this text (any case)')
    .option('--email <address>', 'only this buyer e-mail address (any case)')
    .option('--card <id>', 'only orders for this IC card id (hex UID)')
    .option('--state <state>', `only orders in this state: ${STATES.join(', ')}`, stateFlag);

export function registerOrderCommands(admin: Command): void {
  centerOptions(
    admin
      .command('cancel-order')
      .description('cancel an order: its tickets stop admitting, unused seats go back on sale, the charge is reversed'),
  )
    .argument('<order-id>', 'the order to cancel (see `cardgate admin orders`)')
    .option('--reason <text>', 'why, kept with the order and in the audit', '')
    .option('--force', 'cancel and refund even if a ticket was already admitted (its seat stays sold)')
    .action(async (orderId: string, o: CenterFlags & { reason: string; force?: boolean }) => {
      const { order, alreadyCancelled, usedTickets } = await withCenter(o, (center) =>
        center.cancelOrder({ orderId, reason: o.reason, force: o.force ?? false }),
      );
      const count = order!.tickets.length;
      const tickets = `${count} ticket${count === 1 ? '' : 's'}`;
      if (alreadyCancelled) {
        console.log(`order ${order!.orderId} was already cancelled (${tickets}); nothing changed`);
        return;
      }
      console.log(`order ${order!.orderId} is ${stateWord(order!.state)} (${tickets})`);
      if (usedTickets > 0)
        console.log(
          `${usedTickets} of them had been admitted: ${usedTickets === 1 ? 'its seat stays' : 'their seats stay'} sold`,
        );
    });

  jsonOption(orderFilterOptions(centerOptions(admin.command('orders').description('orders, newest first'))))
    .option('--limit <n>', 'at most this many', wholeNumber('--limit', 1, 1000), 20)
    .action(async (o: CenterFlags & OrderFilterFlags & { limit: number; json?: boolean }) => {
      const rows = (await withCenter(o, (center) => center.listOrders(o.limit, orderFilters(o)))).map(orderRow);
      if (o.json) return printJson(rows);
      printTable(
        ['ORDERED', 'ORDER', 'EVENT', 'TICKETS', 'TOTAL', 'STATE', 'BUYER'],
        rows.map((r) => [
          timeWord(r.ordered_at ? new Date(r.ordered_at) : undefined),
          r.order_id,
          r.event,
          String(r.tickets),
          r.total,
          r.reason ? `${r.state}: ${r.reason}` : r.state,
          r.buyer_name,
        ]),
        'no orders',
      );
    });
}
