/**
 * A terminal pointed at several centers (`--center A,B`, the scale-out set-up
 * in the README) spreads its calls over all of them and goes on working
 * through the others when one center stops.
 */
import test from 'ava';
import { createChargeServer } from '../../charge/server.js';
import { CenterClient } from '../../terminal/center-client.js';
import { centerTarget } from '../../terminal/center-target.js';
import { prepareDatabase, startCenterProcess, type CenterProcess } from '../helpers/center-process.js';
import { waitUntil } from '../helpers/wait.js';

test('an address list becomes one round-robin target; a single address or a URI is left alone', (t) => {
  t.is(centerTarget('127.0.0.1:50051'), '127.0.0.1:50051');
  t.is(centerTarget('127.0.0.1:50051, 127.0.0.1:50061'), 'ipv4:127.0.0.1:50051,127.0.0.1:50061');
  t.is(centerTarget('[::1]:50051,[::1]:50061'), 'ipv6:[::1]:50051,[::1]:50061');
  t.is(centerTarget('dns:///centers.example:50051'), 'dns:///centers.example:50051');
});

/** How many ListProducts calls a center answered, from the timings it prints on SIGUSR2. */
async function listCalls(center: CenterProcess): Promise<number> {
  const before = center.stderr().length;
  center.child.kill('SIGUSR2');
  const timings = await waitUntil(
    'the center to print its handler timings',
    () => /handler timings (\{.*\})\n/.exec(center.stderr().slice(before))?.[1],
    {
      timeoutMs: 5_000,
      everyMs: 50,
      seen: () => center.stderr().slice(-500),
    },
  );
  return (JSON.parse(timings) as Record<string, { count: number }>).ListProducts?.count ?? 0;
}

test('calls go to both centers of a list, and to the other one while one is down', async (t) => {
  const charge = createChargeServer({});
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t);
  const centers = await Promise.all(
    [0, 1].map(() => startCenterProcess(db.dbPath, chargeAddress, ['--report-timings'])),
  );
  t.teardown(() => centers.forEach((center) => center.kill()));
  const kiosk = new CenterClient(centers.map((center) => center.address).join(','), db.kioskToken, {
    timeoutMs: 10_000,
  });
  t.teardown(() => kiosk.close());

  for (let i = 0; i < 20; i++) await kiosk.listProducts();
  const counts = await Promise.all(centers.map(listCalls));
  t.is(counts[0]! + counts[1]!, 20);
  t.true(
    counts.every((count) => count >= 5),
    `both centers answered: ${counts.join(' + ')}`,
  );

  centers[0]!.kill();
  for (let i = 0; i < 5; i++) t.is((await kiosk.listProducts()).length, 1, 'answered by the center still up');
});
