/**
 * Builds the sales center: opens the database, loads the signing key, and
 * registers every service on one grpc-js server. Starting (listen) is
 * separate from building, so tests run the same server on port 0.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { MikroORM } from '@mikro-orm/core';
import { AdminServiceService } from '../gen/cardgate/v1/admin.js';
import { CatalogServiceService } from '../gen/cardgate/v1/catalog.js';
import { GateServiceService } from '../gen/cardgate/v1/gate.js';
import { SalesServiceService } from '../gen/cardgate/v1/sales.js';
import { TerminalServiceService } from '../gen/cardgate/v1/terminal.js';
import { adminService } from './admin/admin-service.js';
import { Authenticator } from './auth/authenticator.js';
import { terminalService } from './auth/terminal-service.js';
import { AvailabilityHub } from './catalog/availability-hub.js';
import { catalogService } from './catalog/catalog-service.js';
import type { CenterConfig, ServerTls } from './config.js';
import { openDatabase } from './db/orm.js';
import { gateService } from './admission/gate-service.js';
import { HandlerTimings } from './timings/handler-timings.js';
import { addIntrospection, setServing } from './grpc/introspection.js';
import { ProductCache } from './catalog/product-cache.js';
import { grpcChargeGateway } from './sales/charge-gateway.js';
import { DeclineGuard } from './sales/decline-guard.js';
import { SaleWriter } from './sales/sale-writer.js';
import { startSweeper } from './sales/recovery.js';
import type { SalesDeps } from './sales/sales-deps.js';
import { salesService } from './sales/sales-service.js';
import { loadOrCreateSigningKey } from './signing/signing-key.js';

export interface Center {
  readonly orm: MikroORM;
  /** Server-side latency per RPC since the last reset. */
  readonly timings: HandlerTimings;
  /** Binds config.listen; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops accepting calls, finishes running ones, and closes the database. */
  stop(): Promise<void>;
}

/** TLS only when configured; with a client authority, a client without a certificate it signed is refused in the handshake. */
function serverCredentials(tls: ServerTls | undefined): ServerCredentials {
  if (!tls) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(
    tls.clientCa ?? null,
    [{ private_key: tls.key, cert_chain: tls.cert }],
    Boolean(tls.clientCa),
  );
}

export async function createCenter(config: CenterConfig): Promise<Center> {
  const orm = await openDatabase(config.database);
  const key = await loadOrCreateSigningKey(orm.em.fork());
  const charge = grpcChargeGateway(config.charge, config.chargeDeadlineMs, config.chargeTls);
  const hub = new AvailabilityHub();
  const timings = new HandlerTimings();
  const context = { auth: new Authenticator(orm), logger: config.logger, timings };
  const products = new ProductCache(orm);
  const sales: SalesDeps = {
    orm,
    charge,
    key,
    hub,
    products,
    writer: new SaleWriter(orm),
    declines: new DeclineGuard(config.declineRule),
    timings,
    logger: config.logger,
    now: config.now,
    staleReservationMs: config.staleReservationMs,
  };

  const server = new Server();
  server.addService(CatalogServiceService, catalogService(context, orm, hub));
  server.addService(SalesServiceService, salesService(context, sales));
  server.addService(GateServiceService, gateService(context, orm, products, key, config.now));
  server.addService(AdminServiceService, adminService(context, orm, charge, hub, config.now));
  server.addService(TerminalServiceService, terminalService(context, key));
  const health = addIntrospection(server);
  let stopSweeper: (() => Promise<void>) | undefined;
  const reportTimings = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    process.stderr.write(
      `handler timings ${JSON.stringify({ ...timings.snapshot(), memory: { rss, heapTotal, heapUsed, external, arrayBuffers } })}\n`,
    );
    timings.reset();
  };

  return {
    orm,
    timings,
    async listen() {
      const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(config.listen, serverCredentials(config.tls), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
      stopSweeper = startSweeper(sales, config.sweepIntervalMs);
      if (config.reportTimingsOnSignal) process.on('SIGUSR2', reportTimings);
      setServing(health, true);
      config.logger.info(
        { port, database: config.database.kind, tls: config.tls ? (config.tls.clientCa ? 'mutual' : 'server') : 'off' },
        'sales center listening',
      );
      return port;
    },
    async stop() {
      process.off('SIGUSR2', reportTimings);
      setServing(health, false);
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 5_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      await stopSweeper?.();
      timings.close();
      charge.close();
      await orm.close();
    },
  };
}
