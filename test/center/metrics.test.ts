/**
 * Prometheus metrics (SPEC §10, issue 17): after known traffic — sales, a
 * decline, a sold-out, admissions and refusals at two gates — /metrics counts
 * exactly that, with RPC durations and the process metrics.
 */
import test from 'ava';
import { Direction } from '../../gen/cardgate/v1/gate.js';
import type { Purchase } from '../../gen/cardgate/v1/sales.js';
import { CARDS, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';

/** The value of one sample line of the text format, e.g. `cardgate_purchases_total{outcome="issued"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('/metrics counts purchases by outcome, redemptions by result, reason and gate, and times RPCs', async (t) => {
  const stack = await startStack(t, { center: { metricsListen: '127.0.0.1:0' } });
  const url = `http://127.0.0.1:${stack.center.metricsPort()}/metrics`;
  const product = await createProduct(stack.admin, { capacity: 3 });
  const sold: Purchase[] = [];
  for (let i = 0; i < 3; i++) sold.push((await stack.kiosk.purchaseTickets(purchaseRequest(product.id))).purchase!);
  await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  const other = await createProduct(stack.admin);
  await stack.kiosk.purchaseTickets(purchaseRequest(other.id, { cardNumber: CARDS.declined }));

  const redeem = (gateId: string, index: number, dryRun = false, direction = Direction.DIRECTION_ENTRY) =>
    stack.gate.redeemTicket({ gateId, cardId: '04A1B2C3D4E5F6', ticket: sold[index]!.tickets[0]!, dryRun, direction });
  await redeem('North', 0);
  await redeem('South', 1);
  await redeem('South', 0); // already used
  await redeem('North', 2, true); // a dry run counts nowhere
  await redeem('North', 1, false, Direction.DIRECTION_EXIT);
  await stack.gate.annulRedemption({ gateId: 'North', ticketId: sold[1]!.tickets[0]!.ticket!.ticketId });

  const response = await fetch(url);
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^text\/plain/);
  const text = await response.text();
  t.is(sample(text, 'cardgate_purchases_total{outcome="issued"}'), 3);
  t.is(sample(text, 'cardgate_purchases_total{outcome="sold_out"}'), 1);
  t.is(sample(text, 'cardgate_purchases_total{outcome="payment_declined"}'), 1);
  t.is(sample(text, 'cardgate_redemptions_total{result="admitted",reason="",gate="North"}'), 1);
  t.is(sample(text, 'cardgate_redemptions_total{result="admitted",reason="",gate="South"}'), 1);
  t.is(sample(text, 'cardgate_redemptions_total{result="rejected",reason="ALREADY_USED",gate="South"}'), 1);
  t.is(sample(text, 'cardgate_rpc_duration_seconds_count{method="PurchaseTickets"}'), 5);
  t.is(sample(text, 'cardgate_redemptions_total{result="exited",reason="",gate="North"}'), 1);
  t.is(sample(text, 'cardgate_annulments_total{gate="North"}'), 1, 'the exit was undone');
  t.is(sample(text, 'cardgate_rpc_duration_seconds_count{method="RedeemTicket"}'), 5);
  t.true((sample(text, 'cardgate_center_process_resident_memory_bytes') ?? 0) > 0, 'process metrics are there');
  t.is((await fetch(url.replace('/metrics', '/'))).status, 404);
});
