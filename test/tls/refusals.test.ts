/**
 * SPEC §8's refusals: no server listens beyond loopback in plain text (unless --insecure), and no
 * client sends a token in plain text beyond loopback. None of them needs a network: each refuses
 * before it binds or connects (10.255.255.1 is never reached).
 */
import test from 'ava';
import { isLoopbackTarget } from '../../terminal/center-target.js';
import { CenterClient } from '../../terminal/center-client.js';
import { runCardgate, startCardgate } from '../helpers/cli.js';
import { withDeadline } from '../helpers/wait.js';

const FAR = '10.255.255.1:50051';

const cardgate = runCardgate;

test('loopback is 127.0.0.0/8, ::1 and localhost; anything else is beyond it', (t) => {
  for (const address of [
    '127.0.0.1:1',
    '127.3.2.1:50051',
    '[::1]:50051',
    'localhost:50051',
    'ipv4:127.0.0.1:1,127.0.0.2:2',
    'dns:///localhost:1',
  ])
    t.true(isLoopbackTarget(address), address);
  for (const address of [
    FAR,
    '0.0.0.0:50051',
    'center.venue:50051',
    '[::]:50051',
    '127.0.0.1:1,10.0.0.2:1',
    '128.0.0.1:1',
  ])
    t.false(isLoopbackTarget(address), address);
});

test('a client refuses to send a token in clear text beyond loopback, before connecting', (t) => {
  const error = t.throws(() => new CenterClient(FAR, 'cg_kiosk_secret'));
  t.regex(error!.message, /clear text.*--tls-ca.*cardgate admin tls init/s);
  t.false(error!.message.includes('cg_kiosk_secret'));
  const tlsClient = new CenterClient(FAR, 'cg_kiosk_secret', { tls: {} });
  tlsClient.close();
});

test.serial('cardgate center refuses 0.0.0.0 without TLS and says how to set TLS up', async (t) => {
  const { code, output } = await cardgate(['center', '--listen', '0.0.0.0:0', '--db', 'sqlite::memory:']);
  t.is(code, 1);
  t.regex(output, /refusing to listen on 0\.0\.0\.0:0 without TLS.*cardgate admin tls init.*--tls-cert.*--insecure/s);
});

test.serial('cardgate charge refuses 0.0.0.0 without TLS, and listens there with --insecure', async (t) => {
  const refused = await cardgate(['charge', '--listen', '0.0.0.0:0']);
  t.is(refused.code, 1);
  t.regex(refused.output, /cardgate admin tls init/);
  const { child, output } = startCardgate(['charge', '--listen', '0.0.0.0:0', '--insecure'], { LOG_LEVEL: 'info' });
  t.teardown(() => child.kill('SIGKILL'));
  const listening = new Promise<void>((resolve) =>
    child.stderr.on('data', () => /listening on 0\.0\.0\.0:\d+ \(plain text\)/.test(output()) && resolve()),
  );
  await withDeadline('charge --insecure to listen', listening, 60_000, output);
  t.pass();
});

test.serial('the center refuses to send card numbers in clear text to a charge terminal beyond loopback', async (t) => {
  const { code, output } = await cardgate([
    'center',
    '--db',
    'sqlite::memory:',
    '--listen',
    '127.0.0.1:0',
    '--charge',
    FAR,
  ]);
  t.is(code, 1);
  t.regex(output, /card numbers in clear text.*--charge-tls-ca/s);
});

for (const args of [
  ['kiosk', '--card', 'file:/nonexistent/card'],
  ['gate', '--card', 'file:/nonexistent/card', '--gate-id', 'G1'],
  ['card', 'recover', '--order', 'ORD-1', '--card', 'file:/nonexistent/card'],
  ['admin', 'orders'],
]) {
  test.serial(`cardgate ${args.slice(0, 2).join(' ')} refuses a plain-text center beyond loopback`, async (t) => {
    const { code, output } = await cardgate([...args, '--center', FAR], { CARDGATE_TOKEN: 'cg_gate_notsent' });
    t.is(code, 1);
    t.regex(output, /refusing to send a token in clear text to 10\.255\.255\.1:50051/);
    t.false(output.includes('cg_gate_notsent'));
  });
}
