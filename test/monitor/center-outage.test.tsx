/**
 * The center going away under the dashboard (SPEC §10): it says since when the center has been
 * unreachable and keeps the last numbers; started again on the same address, the dashboard is live
 * again by itself and counts what the gates do from then on.
 */
import test from 'ava';
import { checkAdminToken, MONITOR_CHANNEL } from '../../monitor/run-monitor.js';
import { CenterClient } from '../../terminal/center-client.js';
import { cardUid, purchaseRequest } from '../helpers/factories.js';
import { renderMonitor } from './render-monitor.js';
import { monitoredCenter } from './center-process-with-admin.js';

const client = (t: Parameters<typeof monitoredCenter>[0], address: string, token: string) => {
  const made = new CenterClient(address, token, { timeoutMs: 10_000, channelOptions: MONITOR_CHANNEL });
  t.teardown(() => made.close());
  return made;
};

test('the center killed: unreachable since a time, last numbers kept; restarted on its address: live again by itself', async (t) => {
  const center = await monitoredCenter(t, 'Outage Night');
  const { address } = center.first;
  const admin = client(t, address, center.adminToken);
  const monitor = renderMonitor(t, admin);
  await monitor.waitFor(/● live[^]*Outage Night +░+ 0\/10/, 20_000);

  center.first.kill();
  const down = await monitor.waitFor(/center unreachable since \d\d:\d\d:\d\d, retrying/, 15_000);
  t.regex(down, /Outage Night +░+ 0\/10/, 'the last numbers stay on screen');
  t.regex(down, /reconnecting by itself/);
  t.notRegex(down, /UNAVAILABLE|Error|at .+\.tsx?:\d+/);

  await center.restart();
  await monitor.waitFor('● live', 30_000);
  // Counting again: a sale and an admission made now show up.
  const kiosk = client(t, address, center.db.kioskToken);
  const gate = client(t, address, center.db.gateToken);
  const { purchase } = await kiosk.purchaseTickets(purchaseRequest(center.db.productId, { cardId: cardUid(1) }));
  const answer = await gate.redeemTicket({
    gateId: 'G9',
    cardId: cardUid(1),
    ticket: purchase!.tickets[0]!,
    dryRun: false,
  });
  t.true(answer.admitted);
  const after = await monitor.waitFor(/Outage Night +█░+ 1\/10 +█+ 1\/1 +1\n[^]*G9 +[·▁-█]+ +1 +1 +0 +0\n/, 15_000);
  t.notRegex(after, /unreachable/);
  t.regex(after, /Refusals by reason since \d\d:\d\d:\d\d \(\d\d:\d\d:\d\d–\d\d:\d\d:\d\d missed\)/);
});

test('started while no center answers: the token check lets it start, and the header says since when it is unreachable', async (t) => {
  const nowhere = client(t, '127.0.0.1:1', 'cg_admin_unchecked');
  await t.notThrowsAsync(checkAdminToken(nowhere), 'an unanswered check is no reason to refuse');
  const monitor = renderMonitor(t, nowhere);
  const frame = await monitor.waitFor(
    /center unreachable since \d\d:\d\d:\d\d, retrying[^]*Gates off line: not known while the center is unreachable/,
  );
  t.regex(frame, /Product[^]*asking the center…/);
  t.regex(frame, /Nothing from the center yet; trying again by itself/);
  t.regex(frame, /Conflicts: …/);
});
