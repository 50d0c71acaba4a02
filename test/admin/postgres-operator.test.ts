/** The operator's RPCs on PostgreSQL answer as on SQLite: capacity changes, order filters, refusals and the audit. */
import { status } from '@grpc/grpc-js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { SalesChange } from '../../gen/cardgate/v1/admin.js';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const onPostgres = (url: string) => ({ center: { database: { kind: 'postgres' as const, url } } });

postgresTest(
  'on PostgreSQL UpdateProduct, ListOrders filters, ListRefusals and ListAuditEvents work',
  async (t, url) => {
    const stack = await startStack(t, onPostgres(url));
    const product = await createProduct(stack.admin, { name: 'Jazz Night', capacity: 4 });
    const { purchase } = await stack.kiosk.purchaseTickets(
      purchaseRequest(product.id, {
        quantity: 2,
        buyer: { name: 'Hanako Yamada', email: 'H@example.com' },
        cardId: cardUid(7),
      }),
    );

    const below = await t.throwsAsync(stack.admin.updateProduct({ productId: product.id, capacity: 1 }));
    t.is((below as { code?: number }).code, status.FAILED_PRECONDITION);
    t.regex(below!.message, /2 sold and 0 reserved, so at least 2/);
    const raised = await stack.admin.updateProduct({
      productId: product.id,
      capacity: 10,
      sales: SalesChange.SALES_CHANGE_CLOSE,
    });
    t.like(raised, { capacity: 10, remaining: 8 });

    const filtered = await stack.admin.listOrders(10, {
      productId: product.id,
      buyerName: 'yamada',
      email: 'h@EXAMPLE.com',
      cardId: cardUid(7),
      state: OrderState.ORDER_STATE_ISSUED,
    });
    t.deepEqual(
      filtered.map((o) => o.orderId),
      [purchase!.orderId],
    );
    t.deepEqual(await stack.admin.listOrders(10, { buyerName: '_' }), []);

    const ticket = purchase!.tickets[0]!;
    await stack.gate.redeemTicket({ gateId: 'G1', cardId: cardUid(7), ticket, dryRun: false });
    await stack.gate.redeemTicket({ gateId: 'G1', cardId: cardUid(7), ticket, dryRun: false });
    const [refusal] = await waitUntil('the refusal', async () => {
      const found = await stack.admin.listRefusals();
      return found.length > 0 && found;
    });
    t.like(refusal, {
      reason: RejectReason.REJECT_REASON_ALREADY_USED,
      productName: 'Jazz Night',
      buyerName: 'Hanako Yamada',
    });

    t.deepEqual(
      (await stack.admin.listAuditEvents()).map((e) => [e.actor, e.action]),
      [
        ['admin-1', 'product.update'],
        ['admin-1', 'product.create'],
      ],
    );
  },
);
