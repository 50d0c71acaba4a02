/**
 * Builds the sales center: opens the database, loads the signing key, and
 * registers every service on one grpc-js server. Starting (listen) is
 * separate from building, so tests run the same server on port 0.
 */
import { Server, ServerCredentials, type ServiceDefinition } from '@grpc/grpc-js';
import type { MikroORM } from '@mikro-orm/core';
import { AdminServiceService } from '../gen/cardgate/v1/admin.js';
import { CatalogServiceService } from '../gen/cardgate/v1/catalog.js';
import { GateServiceService } from '../gen/cardgate/v1/gate.js';
import { SalesServiceService } from '../gen/cardgate/v1/sales.js';
import { TerminalServiceService } from '../gen/cardgate/v1/terminal.js';
import { adminService } from './admin/admin-service.js';
import { AdmissionFeed } from './admin/admission-feed.js';
import { RefusalLog } from './admission/refusal-log.js';
import { Authenticator } from './auth/authenticator.js';
import { terminalService } from './auth/terminal-service.js';
import { AvailabilityHub } from './catalog/availability-hub.js';
import { catalogService } from './catalog/catalog-service.js';
import { StreamQuota } from './grpc/stream-quota.js';
import type { CenterConfig, ServerTls } from './config.js';
import { openDatabase } from './db/orm.js';
import { gateService } from './admission/gate-service.js';
import { HandlerTimings } from './timings/handler-timings.js';
import { CenterMetrics } from './metrics/center-metrics.js';
import { serveMetrics, type MetricsServer } from './metrics/metrics-server.js';
import { CENTER_LIMITS } from './grpc/center-limits.js';
import { addIntrospection, setServing } from './grpc/introspection.js';
import { withRequestLimits } from './grpc/request-limits.js';
import { ProductCache } from './catalog/product-cache.js';
import { grpcChargeGateway } from './sales/charge-gateway.js';
import { stockReader } from './sales/publish-stock.js';
import { DeclineGuard } from './sales/decline-guard.js';
import { SaleWriter } from './sales/sale-writer.js';
import { startSweeper } from './sales/recovery.js';
import type { SalesDeps } from './sales/sales-deps.js';
import { salesService } from './sales/sales-service.js';
import { loadOrCreateSigningKey } from './signing/signing-key.js';

/**
 * The largest request the center reads, on purpose: a gate's CheckTickets
 * with a 4K card's tickets is about 10 kB, a purchase under 2 kB. Up to this
 * size a field too long is refused by name (INVALID_ARGUMENT); beyond it the
 * request is refused unread (RESOURCE_EXHAUSTED).
 */
const MAX_REQUEST_BYTES = 256 * 1024;

export interface Center {
  readonly orm: MikroORM;
  /** Server-side latency per RPC since the last reset. */
  readonly timings: HandlerTimings;
  /** The port /metrics is served on once listening (config.metricsListen), else undefined. */
  metricsPort(): number | undefined;
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
  const hub = new AvailabilityHub(stockReader(orm));
  const timings = new HandlerTimings();
  const metrics = new CenterMetrics();
  const context = { auth: new Authenticator(orm), logger: config.logger, timings, metrics };
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

  const server = new Server({ 'grpc.max_receive_message_length': MAX_REQUEST_BYTES });
  const limited = <S extends ServiceDefinition>(service: S) => withRequestLimits(service, CENTER_LIMITS);
  const streams = new StreamQuota(config.streamLimits);
  server.addService(limited(CatalogServiceService), catalogService(context, orm, hub, streams));
  server.addService(limited(SalesServiceService), salesService(context, sales));
  const feed = new AdmissionFeed(orm, config.logger, config.watchPollMs);
  const refusals = new RefusalLog(orm, config.logger);
  server.addService(limited(GateServiceService), gateService(context, orm, products, key, config.now, refusals));
  server.addService(
    limited(AdminServiceService),
    adminService(
      context,
      orm,
      charge,
      hub,
      config.now,
      { feed, streams, bufferEvents: config.watchBufferEvents },
      products,
    ),
  );
  server.addService(limited(TerminalServiceService), terminalService(context, key));
  const health = addIntrospection(server);
  let stopSweeper: (() => Promise<void>) | undefined;
  let metricsServer: MetricsServer | undefined;
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
    metricsPort: () => metricsServer?.port,
    async listen() {
      const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(config.listen, serverCredentials(config.tls), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
      if (config.metricsListen) metricsServer = await serveMetrics(metrics.registry, config.metricsListen);
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
      hub.close();
      feed.close();
      await metricsServer?.close();
      timings.close();
      charge.close();
      await orm.close();
    },
  };
}
