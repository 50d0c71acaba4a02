/** gRPC health checking: SERVING for the server and for ChargeTransferService. */
import test from 'ava';
import { credentials, makeGenericClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { startCharge } from './charge-harness.js';

interface HealthClient {
  check(
    request: { service: string },
    options: { deadline: number },
    callback: (error: ServiceError | null, response: { status: string }) => void,
  ): void;
  close(): void;
}

function check(address: string, service: string): Promise<string> {
  const Client = makeGenericClientConstructor(healthService, 'Health');
  const client = new Client(address, credentials.createInsecure()) as unknown as HealthClient;
  return new Promise((resolve, reject) =>
    client.check({ service }, { deadline: Date.now() + 5_000 }, (error, response) => {
      client.close();
      if (error) reject(error);
      else resolve(response.status);
    }),
  );
}

test('the health check answers SERVING for the empty service name', async (t) => {
  const charge = await startCharge(t);
  t.is(await check(charge.address, ''), 'SERVING');
});

test('the health check answers SERVING for cardgate.v1.ChargeTransferService', async (t) => {
  const charge = await startCharge(t);
  t.is(await check(charge.address, 'cardgate.v1.ChargeTransferService'), 'SERVING');
});
