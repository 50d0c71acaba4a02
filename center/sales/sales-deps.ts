import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { AvailabilityHub } from '../catalog/availability-hub.js';
import type { ProductCache } from '../catalog/product-cache.js';
import type { SigningKey } from '../signing/signing-key.js';
import type { ChargeGateway } from './charge-gateway.js';
import type { DeclineGuard } from './decline-guard.js';
import type { SaleWriter } from './sale-writer.js';
import type { HandlerTimings } from '../timings/handler-timings.js';

/** What sales functions need from the running center. */
export interface SalesDeps {
  readonly orm: MikroORM;
  readonly charge: ChargeGateway;
  readonly key: SigningKey;
  readonly hub: AvailabilityHub;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly staleReservationMs: number;
  readonly products: ProductCache;
  readonly writer: SaleWriter;
  /** Declines per terminal, for the card-testing defence (decline-guard.ts). */
  readonly declines: DeclineGuard;
  /** Where the stages of a purchase (reserve, charge, issue) report their latency. */
  readonly timings?: HandlerTimings;
}
