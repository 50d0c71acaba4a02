import { ProductEntity } from '../catalog/product.entity.js';
import { TerminalEntity } from '../auth/terminal.entity.js';
import { RedemptionEntity } from '../admission/redemption.entity.js';
import { GateEventEntity } from '../admission/gate-event.entity.js';
import { GatePresenceEntity } from '../admission/gate-presence.entity.js';
import { OfflineEntryEntity } from '../admission/offline-entry.entity.js';
import { ChargeEntity } from '../sales/charge.entity.js';
import { OrderEntity } from '../sales/order.entity.js';
import { TicketEntity } from '../sales/ticket.entity.js';
import { SettingEntity } from '../signing/setting.entity.js';

/** Every entity of the center's database, for the ORM and the migration generator. */
export const ENTITIES = [
  ProductEntity,
  OrderEntity,
  TicketEntity,
  ChargeEntity,
  RedemptionEntity,
  GateEventEntity,
  TerminalEntity,
  SettingEntity,
  GatePresenceEntity,
  OfflineEntryEntity,
];
