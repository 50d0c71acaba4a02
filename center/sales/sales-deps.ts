import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { AvailabilityHub } from '../catalog/availability-hub.js';
import type { SigningKey } from '../signing/signing-key.js';
import type { ChargeGateway } from './charge-gateway.js';

/** What sales functions need from the running center. */
export interface SalesDeps {
  readonly orm: MikroORM;
  readonly charge: ChargeGateway;
  readonly key: SigningKey;
  readonly hub: AvailabilityHub;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly staleReservationMs: number;
}
