import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** What an operator did; see AuditEvent in admin.proto. */
export const AUDIT_ACTIONS = [
  'product.create',
  'product.update',
  'order.cancel',
  'token.create',
  'token.rotate',
  'token.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One operator action, appended in the transaction of the action itself (issue 17 item 6): who
 * (an admin token's terminal name, or `local:<OS user>` for a command run on the database), what,
 * on which product, order or terminal, and when. Never updated or deleted.
 */
export const AuditEventEntity = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime().index(),
    actor: p.string(),
    action: p.string().$type<AuditAction>(),
    subject: p.string(),
    detail: p.text().default(''),
  },
});

export type AuditEvent = InferEntity<typeof AuditEventEntity>;
