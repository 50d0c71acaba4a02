/**
 * The center ending the admission stream with RESOURCE_EXHAUSTED (SPEC §10: a reader that fell
 * behind, or here its stream quota taken): the dashboard says so in the center's words, keeps
 * reconnecting by itself, and is live again once the center lets it watch.
 */
import test from 'ava';
import { cardUid, createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';
import { renderMonitor } from './render-monitor.js';

test('a stream the center ends with RESOURCE_EXHAUSTED: said on screen, reconnected with backoff, live again', async (t) => {
  const stack = await startStack(t, { center: { streamLimits: { perTerminal: 1, total: 10 } } });
  const product = await createProduct(stack.admin, { name: 'Quota Night' });
  // Another watcher with the same admin token holds the one stream place this terminal has.
  let open = false;
  const other = stack.admin.watchAdmissions({}, { onEvent: () => {}, onEnd: () => {}, onOpen: () => (open = true) });
  t.teardown(other.stop);
  await waitUntil('the other watch to open', () => open);

  const monitor = renderMonitor(t, stack.admin);
  const dropped = await monitor.waitFor(
    /Quota Night[^]*⚠ reconnecting — the center ended the admission stream: this terminal already\s+has 1 streams open/,
  );
  t.regex(dropped, /⚠ retrying/);
  t.notRegex(dropped, /RESOURCE_EXHAUSTED|Error/);

  other.stop();
  await monitor.waitFor('● live');
  await monitor.waitForGone('ended the admission stream');
  const { purchase } = await stack.kiosk.purchaseTickets(purchaseRequest(product.id, { cardId: cardUid(2) }));
  await stack.gate.redeemTicket({ gateId: 'G4', cardId: cardUid(2), ticket: purchase!.tickets[0]!, dryRun: false });
  await monitor.waitFor(/G4 +[·▁-█]+ +1 +1 +0 +0\n/);
  t.pass();
});
