/**
 * A real charge-transfer terminal on 127.0.0.1:0 for tests, with its ledger
 * in a SQLite file in a temp dir, called with the generated client, plus
 * request factories. Logs are collected as text so a test can search them.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { credentials } from '@grpc/grpc-js';
import type { ExecutionContext } from 'ava';
import { pino } from 'pino';
import {
  ChargeTransferServiceClient,
  type GetChargeResponse,
  type ReverseChargeResponse,
  type TransferChargeRequest,
  type TransferChargeResponse,
} from '../../gen/cardgate/v1/charge.js';
import type { CreditCard } from '../../gen/cardgate/v1/sales.js';
import { createChargeServer, type ChargeServerOptions } from '../../charge/server.js';
import { unary } from '../../terminal/rpc.js';

import { CARDS, holdsTestCvc, TEST_CVC } from '../helpers/factories.js';

export { CARDS, holdsTestCvc, TEST_CVC };

/** Mid-March 2026, UTC: cards expiring 12/2030 are good, 02/2026 has expired. */
export const FIXED_NOW = new Date('2026-03-15T12:00:00Z');

export interface ChargeCalls {
  readonly client: ChargeTransferServiceClient;
  transfer(request: TransferChargeRequest, timeoutMs?: number): Promise<TransferChargeResponse>;
  reverse(chargeId: string): Promise<ReverseChargeResponse>;
  get(chargeId: string): Promise<GetChargeResponse>;
  /** Resolves once the channel is connected (after a restart the client is backing off from the refused connects). */
  ready(timeoutMs?: number): Promise<void>;
}

export interface ChargeHarness extends ChargeCalls {
  readonly address: string;
  /** The ledger's SQLite file. */
  readonly ledgerPath: string;
  /** Everything the terminal logged so far. */
  logs(): string;
}

export async function startCharge(t: ExecutionContext, options: ChargeServerOptions = {}): Promise<ChargeHarness> {
  let logText = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-charge-'));
  const ledgerPath = options.ledgerPath ?? join(dir, 'charge.sqlite');
  const server = createChargeServer({
    logger: pino({ level: 'debug' }, stream),
    now: () => FIXED_NOW,
    ...options,
    ledgerPath,
  });
  const address = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
  t.teardown(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { address, ledgerPath, ...connectCharge(t, address), logs: () => logText };
}

/** The generated client towards a terminal at `address`, closed at teardown. */
export function connectCharge(t: ExecutionContext, address: string): ChargeCalls {
  const client = new ChargeTransferServiceClient(address, credentials.createInsecure());
  t.teardown(() => client.close());
  return {
    client,
    transfer: (request, timeoutMs = 5000) => unary(client.transferCharge.bind(client), request, timeoutMs),
    reverse: (chargeId) => unary(client.reverseCharge.bind(client), { chargeId, reason: 'test' }, 5000),
    get: (chargeId) => unary(client.getCharge.bind(client), { chargeId }, 5000),
    ready: (timeoutMs = 10_000) =>
      new Promise((resolve, reject) =>
        client.waitForReady(Date.now() + timeoutMs, (error) => (error ? reject(error) : resolve())),
      ),
  };
}

export function card(overrides: Partial<CreditCard> = {}): CreditCard {
  return { number: CARDS.approved, expiryMonth: 12, expiryYear: 2030, cvc: TEST_CVC, ...overrides };
}

export function transferRequest(overrides: Partial<TransferChargeRequest> = {}): TransferChargeRequest {
  return {
    chargeId: `CHG-${randomUUID()}`,
    amount: { currencyCode: 'EUR', amountMinor: 2500 },
    creditCard: card(),
    description: 'Test Concert x 1',
    ...overrides,
  };
}
