/**
 * A real stack for service tests: the charge-transfer terminal and the sales
 * center on 127.0.0.1 port 0, a SQLite file each in a temp dir (the center's
 * database, the terminal's ledger), one token per role, and a CenterClient
 * per role. Everything is torn down with the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ExecutionContext } from 'ava';
import { pino } from 'pino';
import { createChargeServer, type ChargeServerOptions } from '../../charge/server.js';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { centerConfig, type CenterConfig } from '../../center/config.js';
import { createCenter, type Center } from '../../center/server.js';
import { CenterClient, type ClientTls } from '../../terminal/center-client.js';
import type { PurchaseTicketsRequest } from '../../gen/cardgate/v1/sales.js';

export interface Stack {
  readonly dir: string;
  readonly dbPath: string;
  readonly address: string;
  readonly chargeAddress: string;
  readonly center: Center;
  readonly kiosk: CenterClient;
  readonly gate: CenterClient;
  readonly admin: CenterClient;
  readonly tokens: { kiosk: string; gate: string; admin: string };
  /** Everything the center and the charge terminal logged so far. */
  logs(): string;
  /** Makes a client with any token, e.g. a revoked or made-up one. */
  client(token: string): CenterClient;
  stopCharge(): Promise<void>;
  /** Starts a fresh charge terminal on the same address and ledger file (after stopCharge). */
  startCharge(): Promise<void>;
}

export interface StackOptions {
  readonly chargeLatencyMs?: number;
  readonly center?: Partial<CenterConfig>;
  /** Skip the charge terminal entirely: purchases find it unreachable. */
  readonly noCharge?: boolean;
  /** Serve the charge terminal with TLS (pass the center's side as center.chargeTls). */
  readonly chargeTls?: ChargeServerOptions['tls'];
  /** How the stack's clients reach the center (with center.tls). */
  readonly clientTls?: ClientTls;
}

export async function startStack(t: ExecutionContext, options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-test-'));
  const dbPath = join(dir, 'center.sqlite');
  let logText = '';
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
  const logger = pino({ level: 'debug' }, logStream);

  const chargeOptions: ChargeServerOptions = {
    logger,
    latencyMs: options.chargeLatencyMs ?? 0,
    tls: options.chargeTls,
    ledgerPath: join(dir, 'charge.sqlite'),
  };
  let charge = createChargeServer(chargeOptions);
  const chargePort = options.noCharge ? await unusedPort() : await charge.listen('127.0.0.1:0');
  const chargeAddress = `127.0.0.1:${chargePort}`;
  const center = await createCenter(
    centerConfig({
      listen: '127.0.0.1:0',
      database: { kind: 'sqlite', path: dbPath },
      charge: chargeAddress,
      chargeDeadlineMs: 2_000,
      logger,
      ...options.center,
    }),
  );
  const port = await center.listen();
  const address = `127.0.0.1:${port}`;
  const em = center.orm.em.fork();
  const tokens = {
    kiosk: (await createTerminalToken(em, 'kiosk-1', 'kiosk')).token,
    gate: (await createTerminalToken(em, 'gate-1', 'gate')).token,
    admin: (await createTerminalToken(em, 'admin-1', 'admin')).token,
  };
  const clients: CenterClient[] = [];
  const client = (token: string) => {
    const made = new CenterClient(address, token, { timeoutMs: 20_000, tls: options.clientTls });
    clients.push(made);
    return made;
  };
  let chargeStopped = options.noCharge ?? false;
  const stopCharge = async () => {
    if (chargeStopped) return;
    chargeStopped = true;
    await charge.stop();
  };
  const startCharge = async () => {
    charge = createChargeServer(chargeOptions);
    await charge.listen(chargeAddress);
    chargeStopped = false;
  };

  t.teardown(async () => {
    for (const made of clients) made.close();
    await center.stop();
    await stopCharge();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    dbPath,
    address,
    chargeAddress,
    center,
    tokens,
    kiosk: client(tokens.kiosk),
    gate: client(tokens.gate),
    admin: client(tokens.admin),
    logs: () => logText,
    client,
    stopCharge,
    startCharge,
  };
}

/** A port nothing listens on: bind one, then let it go. */
async function unusedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Stops the stack's charge terminal and tries `request`: the reason it was unavailable, if it was. */
export async function buyWithChargeDown(stack: Stack, request: PurchaseTicketsRequest) {
  await stack.stopCharge();
  return (await stack.kiosk.purchaseTickets(request)).unavailable?.reason;
}

/** A second center on the stack's PostgreSQL database `url` (scale-out), and a client of it with the stack's gate token. */
export async function secondCenter(t: ExecutionContext, stack: Stack, url: string): Promise<{ gate: CenterClient }> {
  const other = await createCenter(
    centerConfig({ listen: '127.0.0.1:0', database: { kind: 'postgres', url }, charge: stack.chargeAddress }),
  );
  const port = await other.listen();
  t.teardown(() => other.stop());
  const gate = new CenterClient(`127.0.0.1:${port}`, stack.tokens.gate);
  t.teardown(() => gate.close());
  return { gate };
}
