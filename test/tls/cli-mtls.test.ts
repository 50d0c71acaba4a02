/**
 * Mutual TLS end to end through the CLI: `cardgate charge` and `cardgate center` as processes, each
 * requiring client certificates; `admin product-create` (env CARDGATE_TLS_*) and `card recover`
 * (flags) over mutual TLS; a kiosk's and a gate's client with their own certificates; the center
 * charging through mutual TLS.
 */
import test from 'ava';
import { join } from 'node:path';
import { openFileCard } from '../../card/file-card.js';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { CenterClient } from '../../terminal/center-client.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { startCenterProcess, prepareDatabase } from '../helpers/center-process.js';
import { purchaseRequest } from '../helpers/factories.js';
import { makeTls } from '../helpers/tls.js';
import { runCardgate, startCardgate } from '../helpers/cli.js';
import { withDeadline } from '../helpers/wait.js';

const cardgate = startCardgate;
const run = runCardgate;

test('admin, card recover, kiosk, gate and center → charge all work over mutual TLS', async (t) => {
  const tls = await makeTls(t, ['center', 'kiosk-1', 'gate-1', 'admin-1']);
  const mutual = [
    '--tls-cert',
    tls.path('server.crt'),
    '--tls-key',
    tls.path('server.key'),
    '--tls-client-ca',
    tls.path('ca.crt'),
  ];
  const charge = cardgate(['charge', '--listen', '127.0.0.1:0', ...mutual]);
  t.teardown(() => charge.child.kill('SIGKILL'));
  const chargeAddress = await withDeadline(
    'the charge terminal to listen',
    new Promise<string>((resolve) =>
      charge.child.stderr.on(
        'data',
        () =>
          /listening on (\S+) \(mutual TLS\)/.exec(charge.output())?.[1] &&
          resolve(/listening on (\S+)/.exec(charge.output())![1]!),
      ),
    ),
    60_000,
    charge.output,
  );
  const db = await prepareDatabase(t);
  const orm = await db.open();
  const adminToken = (await createTerminalToken(orm.em.fork(), 'admin-1', 'admin')).token;
  const towardsCharge = [
    '--charge-tls-ca',
    tls.path('ca.crt'),
    '--charge-tls-cert',
    tls.path('center.crt'),
    '--charge-tls-key',
    tls.path('center.key'),
  ];
  const center = await startCenterProcess(db.dbPath, chargeAddress, [...mutual, ...towardsCharge]);
  t.teardown(() => center.kill());
  t.regex(center.stderr(), /\(mutual TLS, sqlite:/);

  const adminTls = {
    CARDGATE_TLS_CA: tls.path('ca.crt'),
    CARDGATE_TLS_CERT: tls.path('admin-1.crt'),
    CARDGATE_TLS_KEY: tls.path('admin-1.key'),
    CARDGATE_TOKEN: adminToken,
  };
  const created = await run(
    [
      'admin',
      'product-create',
      '--center',
      center.address,
      '--name',
      'TLS Night',
      '--venue',
      'Hall',
      '--starts-at',
      new Date(Date.now() + 86_400_000).toISOString(),
      '--price',
      '30.00',
      '--capacity',
      '10',
    ],
    adminTls,
  );
  t.is(created.code, 0, created.output);
  const productId = /created (\S+):/.exec(created.output)![1]!;
  const anonymous = await run(['admin', 'orders', '--center', center.address], {
    ...adminTls,
    CARDGATE_TLS_CERT: '',
    CARDGATE_TLS_KEY: '',
  });
  t.is(anonymous.code, 1);
  t.regex(anonymous.output, /UNAVAILABLE/);

  const kiosk = new CenterClient(center.address, db.kioskToken, { timeoutMs: 20_000, tls: tls.client('kiosk-1') });
  const gate = new CenterClient(center.address, db.gateToken, { timeoutMs: 20_000, tls: tls.client('gate-1') });
  t.teardown(() => [kiosk, gate].forEach((client) => client.close()));
  const cardPath = join(tempDir(t), 'tls.card');
  const card = await openFileCard(cardPath);
  const { purchase } = await kiosk.purchaseTickets(purchaseRequest(productId, { cardId: card.id }));
  t.truthy(purchase, 'the center charged over mutual TLS');

  const kioskTls = [
    '--tls-ca',
    tls.path('ca.crt'),
    '--tls-cert',
    tls.path('kiosk-1.crt'),
    '--tls-key',
    tls.path('kiosk-1.key'),
  ];
  const recovered = await run([
    'card',
    'recover',
    '--center',
    center.address,
    '--token',
    db.kioskToken,
    '--order',
    purchase!.orderId,
    '--card',
    `file:${cardPath}`,
    ...kioskTls,
  ]);
  t.is(recovered.code, 0, recovered.output);
  const onCard = (await card.readImage()).tickets[0]!;
  t.true((await gate.redeemTicket({ gateId: 'G1', cardId: card.id, ticket: onCard, dryRun: false })).admitted);
});
