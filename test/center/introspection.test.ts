/** Health checking and reflection need no token (SPEC §3): an integrator lists the API with buf curl. */
import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';
import { startStack } from '../helpers/stack.js';

test('the health check answers SERVING for the whole server', async (t) => {
  const stack = await startStack(t);
  type HealthClient = {
    check(request: object, options: object, callback: (e: Error | null, r: { status: string }) => void): void;
    close(): void;
  };
  const { grpc } = loadPackageDefinition(loadSync(protoPath, { enums: String })) as unknown as {
    grpc: { health: { v1: { Health: new (a: string, c: unknown) => HealthClient } } };
  };
  const client = new grpc.health.v1.Health(stack.address, credentials.createInsecure());
  t.teardown(() => client.close());
  const answer = await new Promise<{ status: string }>((resolve, reject) =>
    client.check({ service: '' }, { deadline: Date.now() + 5_000 }, (e: Error | null, r: { status: string }) =>
      e ? reject(e) : resolve(r),
    ),
  );
  t.is(answer.status, 'SERVING');
});

test('buf curl lists every RPC of the center through reflection', async (t) => {
  const stack = await startStack(t);
  const { stdout } = await promisify(execFile)('npx', [
    'buf',
    'curl',
    '--protocol',
    'grpc',
    '--http2-prior-knowledge',
    '--list-methods',
    `http://${stack.address}`,
  ]);
  const methods = stdout.trim().split('\n');
  for (const rpc of [
    'CatalogService/WatchAvailability',
    'SalesService/PurchaseTickets',
    'SalesService/GetOrder',
    'GateService/RedeemTicket',
    'AdminService/CancelOrder',
    'TerminalService/GetSigningKey',
  ]) {
    t.true(methods.includes(`cardgate.v1.${rpc}`), rpc);
  }
  t.false(stdout.includes('ChargeTransferService'), 'the charge terminal is not the center');
});
