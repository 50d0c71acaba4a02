/**
 * Builds the charge-transfer terminal: the ChargeTransferService and gRPC
 * health checking on one grpc-js server. Building is separate from starting
 * (listen), so tests run the same server on 127.0.0.1:0.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { pino, type Logger } from 'pino';
import { ChargeTransferServiceService } from '../gen/cardgate/v1/charge.js';
import { chargeService } from './charge-service.js';
import { ChargeLedger } from './ledger.js';
import { LedgerFile } from './ledger-file.js';
import { randomAuthorizationCode } from './simulator.js';
import { withRequestLimits } from '../center/grpc/request-limits.js';
import {
  CHARGE_LIMITS,
  MAX_CHARGE_REQUEST_BYTES,
  MAX_TRANSFER_BATCH_BYTES,
  TRANSFER_BATCH_LIMITS,
} from './charge-limits.js';
import { withRequestSizes } from './request-sizes.js';

const SERVICE_NAME = 'cardgate.v1.ChargeTransferService';
/** How long stop() lets running calls finish before cutting them off. */
const FORCE_STOP_AFTER_MS = 2_000;

export interface ChargeServerOptions {
  /**
   * The ledger's SQLite file (`cardgate charge --db`), created when missing. ':memory:' (the default,
   * for tests that never restart the terminal) forgets every charge when the server stops.
   */
  readonly ledgerPath?: string;
  /** Where decisions are logged; silent by default. */
  readonly logger?: Logger;
  /** The clock for expiry checks and record timestamps; the wall clock by default. */
  readonly now?: () => Date;
  /** Simulated processing time of each valid TransferCharge, e.g. to exceed a caller's deadline; 0 by default. */
  readonly latencyMs?: number;
  /**
   * Serve TLS only (PEM contents); with clientCa, the center must present a certificate that
   * authority signed (mutual TLS). Plain text when absent.
   */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer; readonly clientCa?: Buffer };
}

export interface ChargeServer {
  /** Opens the ledger, binds HOST:PORT (port 0 picks a free one) and resolves with the bound port. */
  listen(hostPort: string): Promise<number>;
  /** Stops accepting calls, lets running ones finish (cut off after a short grace period), and closes the ledger. */
  stop(): Promise<void>;
}

/**
 * The service with its requests bounded as they are decoded: TransferCharges by its size and number of
 * transfers only (the handler holds each transfer to CHARGE_LIMITS, so one bad transfer is refused alone),
 * the other methods by MAX_CHARGE_REQUEST_BYTES and CHARGE_LIMITS.
 */
function limitedService(): typeof ChargeTransferServiceService {
  const limited = withRequestLimits(ChargeTransferServiceService, CHARGE_LIMITS);
  const { transferCharges } = withRequestLimits(ChargeTransferServiceService, TRANSFER_BATCH_LIMITS);
  const batch = ChargeTransferServiceService.transferCharges.path;
  return withRequestSizes({ ...limited, transferCharges }, (path) =>
    path === batch ? MAX_TRANSFER_BATCH_BYTES : MAX_CHARGE_REQUEST_BYTES,
  );
}

/** The charge-transfer terminal, ready to listen. */
export function createChargeServer(options: ChargeServerOptions = {}): ChargeServer {
  const logger = options.logger ?? pino({ level: 'silent' });
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new RangeError(`latencyMs must be a non-negative number, got ${latencyMs}`);
  const file = new LedgerFile(options.ledgerPath ?? ':memory:');
  const ledger = new ChargeLedger(file, {
    now: options.now ?? (() => new Date()),
    newAuthorizationCode: randomAuthorizationCode,
  });

  const tls = options.tls;
  const credentials = tls
    ? ServerCredentials.createSsl(
        tls.clientCa ?? null,
        [{ private_key: tls.key, cert_chain: tls.cert }],
        Boolean(tls.clientCa),
      )
    : ServerCredentials.createInsecure();

  const server = new Server({ 'grpc.max_receive_message_length': MAX_TRANSFER_BATCH_BYTES });
  server.addService(limitedService(), chargeService({ ledger, logger, latencyMs }));
  const health = new HealthImplementation({ '': 'SERVING', [SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);

  return {
    async listen(hostPort) {
      await file.opened();
      const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(hostPort, credentials, (error, bound) => (error ? reject(error) : resolve(bound))),
      );
      logger.info(
        { port, latencyMs, ledger: file.path, tls: tls ? (tls.clientCa ? 'mutual' : 'server') : 'off' },
        'charge-transfer terminal listening',
      );
      return port;
    },
    async stop() {
      for (const name of ['', SERVICE_NAME]) health.setStatus(name, 'NOT_SERVING');
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, FORCE_STOP_AFTER_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      await file.close();
      logger.info('charge-transfer terminal stopped');
    },
  };
}
