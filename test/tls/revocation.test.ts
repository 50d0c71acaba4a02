/** Issue 14: a revoked token stops working on every center of a database within one second. */
import test from 'ava';
import { status, type ServiceError } from '@grpc/grpc-js';
import { createTerminalToken, revokeTerminal } from '../../center/auth/tokens.js';
import { centerConfig } from '../../center/config.js';
import { createCenter } from '../../center/server.js';
import { CenterClient } from '../../terminal/center-client.js';
import { startStack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const refused = (client: CenterClient) =>
  client.whoAmI().then(
    () => false,
    (error: ServiceError) => error.code === status.UNAUTHENTICATED,
  );

test('a revoked token is refused by two centers within a second', async (t) => {
  const stack = await startStack(t);
  const second = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      database: { kind: 'sqlite', path: stack.dbPath },
      charge: stack.chargeAddress,
    }),
  );
  const secondAddress = `127.0.0.1:${await second.listen()}`;
  t.teardown(() => second.stop());
  const { token } = await createTerminalToken(stack.center.orm.em.fork(), 'gate-7', 'gate');
  const clients = [
    new CenterClient(stack.address, token, { timeoutMs: 5_000 }),
    new CenterClient(secondAddress, token, { timeoutMs: 5_000 }),
  ];
  t.teardown(() => clients.forEach((client) => client.close()));
  // Both centers have just looked the token up and hold it in their caches.
  for (const client of clients) t.is((await client.whoAmI()).terminalName, 'gate-7');
  await revokeTerminal(second.orm.em.fork(), 'gate-7');
  const revokedAt = Date.now();
  await waitUntil(
    'both centers to refuse the revoked token',
    async () => (await Promise.all(clients.map(refused))).every(Boolean),
    { timeoutMs: 1_000 },
  );
  t.true(Date.now() - revokedAt <= 1_000);
});
