/**
 * `cardgate monitor` end to end in a real 80x24 terminal (tmux, CI=false) against a real center
 * process (SPEC §10): a sale and an admission made while it runs show up; a window too small gets
 * the "make the window larger" notice; q quits.
 */
import test from 'ava';
import { CenterClient } from '../../terminal/center-client.js';
import { cardUid, purchaseRequest } from '../helpers/factories.js';
import { startTmux } from '../helpers/tmux.js';
import { monitoredCenter } from './center-process-with-admin.js';

test('the operator watches a sale and an admission arrive, in 80x24, and quits with q', async (t) => {
  const center = await monitoredCenter(t, 'Tmux Night');
  const { address } = center.first;
  // Through sh, so the exit status of the monitor is printed on the screen when it ends.
  const command = `node --import tsx cli/main.ts monitor --center ${address}; echo "monitor exited with status $?"`;
  const monitor = startTmux(t, ['sh', '-c', command], { CARDGATE_TOKEN: center.adminToken });
  const first = await monitor.waitFor(/● live[^]*Tmux Night +░+ 0\/10/, 30_000);
  t.regex(first, new RegExp(`Cardgate monitor · ${address.replaceAll('.', '\\.')}`));
  t.regex(first, /Gates off line: none \(no gate has called this center yet\)/);

  const kiosk = new CenterClient(address, center.db.kioskToken);
  const gate = new CenterClient(address, center.db.gateToken);
  t.teardown(() => [kiosk, gate].forEach((client) => client.close()));
  const { purchase } = await kiosk.purchaseTickets(purchaseRequest(center.db.productId, { cardId: cardUid(3) }));
  const ticket = purchase!.tickets[0]!;
  t.true((await gate.redeemTicket({ gateId: 'G1', cardId: cardUid(3), ticket, dryRun: false })).admitted);
  t.false((await gate.redeemTicket({ gateId: 'G1', cardId: cardUid(3), ticket, dryRun: false })).admitted);

  const live = await monitor.waitFor(/Tmux Night +█░+ 1\/10 +█+ 1\/1 +1\n[^]*G1 +[·▁-█]+ +1 +1 +0 +1\n/);
  t.regex(live, /Already used +1 +1/);
  const lines = live.trimEnd().split('\n');
  t.true(lines.length <= 24 && lines.every((line) => line.length <= 80));

  monitor.resize(60, 20);
  await monitor.waitFor('Make the window larger: this screen needs at least 80 × 24');
  monitor.resize(80, 24);
  await monitor.waitFor(/● live[^]*Tmux Night/);

  await monitor.listening();
  await monitor.press('q');
  await monitor.waitFor('monitor exited with status 0');
});
