import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The off-line journal entries the center holds (SyncOfflineAdmissions), by (gate, entry id): the
 * primary key is what makes an upload idempotent. An entry's row is inserted in the transaction
 * that records it (a movement in `redemptions` or a refusal in `gate_events`), so an entry
 * uploaded twice, or by two uploads at once, is recorded once.
 */
export const OfflineEntryEntity = defineEntity({
  name: 'OfflineEntry',
  tableName: 'offline_entries',
  properties: {
    gateId: p.string().primary(),
    entryId: p.string().primary(),
    uploadedAt: p.datetime(),
  },
});

export type OfflineEntry = InferEntity<typeof OfflineEntryEntity>;
