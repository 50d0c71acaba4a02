/** SPEC §8 in process: the center and the charge terminal over TLS and mutual TLS, and what they refuse. */
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { credentials, loadPackageDefinition, status, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { UnavailabilityReason } from '../../gen/cardgate/v1/sales.js';
import { CenterClient } from '../../terminal/center-client.js';
import { createProduct, purchaseRequest } from '../helpers/factories.js';
import { startStack } from '../helpers/stack.js';
import { makeTls } from '../helpers/tls.js';

type Check = (
  request: { service: string },
  options: { deadline: number },
  callback: (error: Error | null, response: { status: string }) => void,
) => void;
interface HealthClient {
  check: Check;
  close(): void;
}

const codeOf = (error: unknown) => (error as ServiceError).code;

test('a kiosk buys over TLS and the center charges over mutual TLS', async (t) => {
  const tls = await makeTls(t, ['center']);
  const stack = await startStack(t, {
    chargeTls: tls.server(true),
    center: { tls: tls.server(), chargeTls: tls.client('center') },
    clientTls: tls.client(),
  });
  const product = await createProduct(stack.admin);
  const answer = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.truthy(answer.purchase, JSON.stringify(answer));
  t.is(answer.purchase!.tickets.length, 1);
});

test('a center without a client certificate cannot charge at a mutual-TLS charge terminal', async (t) => {
  const tls = await makeTls(t);
  const stack = await startStack(t, {
    chargeTls: tls.server(true),
    center: { tls: tls.server(), chargeTls: tls.client() },
    clientTls: tls.client(),
  });
  const product = await createProduct(stack.admin);
  const answer = await stack.kiosk.purchaseTickets(purchaseRequest(product.id));
  t.is(
    answer.unavailable?.reason,
    UnavailabilityReason.UNAVAILABILITY_REASON_PAYMENT_UNAVAILABLE,
    JSON.stringify(answer),
  );
});

test('a TLS center refuses plain-text clients and clients trusting another authority', async (t) => {
  const tls = await makeTls(t);
  const other = await makeTls(t);
  const stack = await startStack(t, { center: { tls: tls.server() }, clientTls: tls.client() });
  const plain = new CenterClient(stack.address, stack.tokens.kiosk, { timeoutMs: 3_000 });
  const stranger = new CenterClient(stack.address, stack.tokens.kiosk, { timeoutMs: 3_000, tls: other.client() });
  t.teardown(() => [plain, stranger].forEach((client) => client.close()));
  t.is(codeOf(await t.throwsAsync(plain.listProducts())), status.UNAVAILABLE);
  t.is(codeOf(await t.throwsAsync(stranger.listProducts())), status.UNAVAILABLE);
  t.true((await stack.kiosk.listProducts()).length >= 0);
});

test('with a client authority the center admits only clients presenting a certificate it signed', async (t) => {
  const tls = await makeTls(t, ['kiosk-1']);
  const other = await makeTls(t, ['kiosk-1']);
  const stack = await startStack(t, { center: { tls: tls.server(true) }, clientTls: tls.client('kiosk-1') });
  const anonymous = new CenterClient(stack.address, stack.tokens.kiosk, { timeoutMs: 3_000, tls: tls.client() });
  const forged = new CenterClient(stack.address, stack.tokens.kiosk, {
    timeoutMs: 3_000,
    tls: { ...tls.client(), cert: other.pem('kiosk-1.crt'), key: other.pem('kiosk-1.key') },
  });
  t.teardown(() => [anonymous, forged].forEach((client) => client.close()));
  t.is(codeOf(await t.throwsAsync(anonymous.whoAmI())), status.UNAVAILABLE);
  t.is(codeOf(await t.throwsAsync(forged.whoAmI())), status.UNAVAILABLE);
  t.is((await stack.kiosk.whoAmI()).terminalName, 'kiosk-1');
});

test('health checking and reflection answer on the TLS port', async (t) => {
  const tls = await makeTls(t, ['ops']);
  const stack = await startStack(t, { center: { tls: tls.server(true) }, clientTls: tls.client('ops') });
  const { grpc } = loadPackageDefinition(loadSync(protoPath, { enums: String })) as unknown as {
    grpc: { health: { v1: { Health: new (address: string, channel: unknown) => HealthClient } } };
  };
  const client = new grpc.health.v1.Health(
    stack.address,
    credentials.createSsl(tls.pem('ca.crt'), tls.pem('ops.key'), tls.pem('ops.crt')),
  );
  t.teardown(() => client.close());
  const answer = await new Promise<{ status: string }>((resolve, reject) =>
    client.check(
      { service: '' },
      { deadline: Date.now() + 5_000 },
      (error: Error | null, response: { status: string }) => (error ? reject(error) : resolve(response)),
    ),
  );
  t.is(answer.status, 'SERVING');
  const args = [
    'curl',
    '--protocol',
    'grpc',
    '--cacert',
    tls.path('ca.crt'),
    '--cert',
    tls.path('ops.crt'),
    '--key',
    tls.path('ops.key'),
    '--list-methods',
    `https://${stack.address}`,
  ];
  const { stdout } = await promisify(execFile)('npx', ['buf', ...args], { timeout: 20_000 });
  t.true(stdout.includes('cardgate.v1.GateService/RedeemTicket'), stdout);
});

test('two centers behind one address list serve one certificate', async (t) => {
  const tls = await makeTls(t, ['kiosk-1']);
  const stack = await startStack(t, { center: { tls: tls.server(true) }, clientTls: tls.client('kiosk-1') });
  const second = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      tls: tls.server(true),
      database: { kind: 'sqlite', path: stack.dbPath },
      charge: stack.chargeAddress,
    }),
  );
  const secondAddress = `127.0.0.1:${await second.listen()}`;
  t.teardown(() => second.stop());
  const { token } = await createTerminalToken(stack.center.orm.em.fork(), 'kiosk-2', 'kiosk');
  const both = new CenterClient(`${stack.address},${secondAddress}`, token, {
    timeoutMs: 5_000,
    tls: tls.client('kiosk-1'),
  });
  const onlySecond = new CenterClient(secondAddress, token, { timeoutMs: 5_000, tls: tls.client('kiosk-1') });
  t.teardown(() => [both, onlySecond].forEach((client) => client.close()));
  for (let i = 0; i < 4; i += 1) t.is((await both.whoAmI()).terminalName, 'kiosk-2');
  t.is((await onlySecond.whoAmI()).terminalName, 'kiosk-2');
});
