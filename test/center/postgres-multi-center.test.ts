/**
 * Several center processes on one PostgreSQL database (the scale-out path):
 * the hot on-sale invariant — exactly the capacity sold, every approved
 * charge ended with tickets or a reversal — and the gate invariant — exactly
 * one admit per ticket while gates redeem it through different centers.
 */
import { credentials } from '@grpc/grpc-js';
import { createChargeServer } from '../../charge/server.js';
import { ProductEntity } from '../../center/catalog/product.entity.js';
import { RedemptionEntity } from '../../center/admission/redemption.entity.js';
import { ChargeEntity } from '../../center/sales/charge.entity.js';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { TicketEntity } from '../../center/sales/ticket.entity.js';
import { ChargeState, ChargeTransferServiceClient } from '../../gen/cardgate/v1/charge.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { CenterClient } from '../../terminal/center-client.js';
import { unary } from '../../terminal/rpc.js';
import { prepareDatabase, startCenterProcess } from '../helpers/center-process.js';
import { purchaseRequest } from '../helpers/factories.js';
import { postgresTest } from '../helpers/postgres.js';

const CAPACITY = 40;
const BUYERS = 150;
const CENTERS = 3;
const GATES_PER_TICKET = 4;

postgresTest(
  'three centers on one PostgreSQL: exactly capacity sold, no approved charge without tickets, one admit per ticket',
  async (t, url) => {
    const charge = createChargeServer({ latencyMs: 20 });
    const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
    t.teardown(() => charge.stop());
    const db = await prepareDatabase(t, { capacity: CAPACITY }, url);
    const centers = await Promise.all(
      Array.from({ length: CENTERS }, () => startCenterProcess(db.dbPath, chargeAddress)),
    );
    t.teardown(() => centers.forEach((center) => center.kill()));
    const client = (i: number, token: string) => {
      const made = new CenterClient(centers[i % CENTERS]!.address, token, { timeoutMs: 20_000 });
      t.teardown(() => made.close());
      return made;
    };

    // The hot on-sale, spread over every center.
    const kiosks = Array.from({ length: CENTERS * 2 }, (_, i) => client(i, db.kioskToken));
    const cardOf = (i: number) => `04CC${String(i).padStart(10, '0')}`;
    const responses = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) =>
        kiosks[i % kiosks.length]!.purchaseTickets(purchaseRequest(db.productId, { cardId: cardOf(i) })),
      ),
    );
    const sold = responses.map((r, i) => ({ r, cardId: cardOf(i) })).filter(({ r }) => r.purchase);
    t.is(sold.length, CAPACITY, 'exactly the capacity sold');
    t.true(
      responses
        .filter((r) => !r.purchase)
        .every((r) => r.unavailable?.reason === UnavailabilityReason.UNAVAILABILITY_REASON_SOLD_OUT),
    );

    const orm = await db.open();
    const em = orm.em.fork();
    t.is((await em.findOneOrFail(ProductEntity, { id: db.productId })).remaining, 0);
    t.is(await em.count(TicketEntity, { productId: db.productId, state: 'issued' }), CAPACITY);
    const terminal = new ChargeTransferServiceClient(chargeAddress, credentials.createInsecure());
    t.teardown(() => terminal.close());
    for (const row of await em.find(ChargeEntity, {})) {
      const record = await unary(terminal.getCharge.bind(terminal), { chargeId: row.id }, 5000);
      if (record.state !== ChargeState.CHARGE_STATE_APPROVED) continue;
      t.is(
        (await em.findOneOrFail(OrderEntity, { id: row.orderId })).state,
        'issued',
        `approved charge ${row.id} has tickets`,
      );
    }

    // Every ticket presented at once by several gates, each through a different center.
    const gates = Array.from({ length: GATES_PER_TICKET }, (_, g) => client(g, db.gateToken));
    const presentations = sold.flatMap(({ r, cardId }) =>
      gates.map((gate, g) =>
        gate
          .redeemTicket({ gateId: `G${g}`, cardId, ticket: r.purchase!.tickets[0]!, dryRun: false })
          .then((answer) => ({ ticketId: r.purchase!.tickets[0]!.ticket!.ticketId, answer })),
      ),
    );
    const answers = await Promise.all(presentations);
    const admitsPerTicket = new Map<string, number>();
    for (const { ticketId, answer } of answers) {
      if (answer.admitted) admitsPerTicket.set(ticketId, (admitsPerTicket.get(ticketId) ?? 0) + 1);
      else t.is(answer.reason, RejectReason.REJECT_REASON_ALREADY_USED);
    }
    t.is(admitsPerTicket.size, CAPACITY, 'every ticket admitted');
    t.true(
      [...admitsPerTicket.values()].every((n) => n === 1),
      'no ticket admitted twice',
    );
    t.is(await em.count(RedemptionEntity, {}), CAPACITY, 'one redemption row per ticket');
  },
);
