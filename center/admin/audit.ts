/**
 * The audit of operator actions: `audit()` adds the event to the caller's unit of work, so it is
 * written by the same flush (one transaction) as the action it records; `listAuditEvents` reads
 * them back newest first, for AdminService.ListAuditEvents and `cardgate admin audit --db`.
 */
import type { EntityManager } from '@mikro-orm/core';
import { AuditEventEntity, type AuditAction, type AuditEvent } from './audit-event.entity.js';

/** Who did it: an admin token's terminal name, or `local:<OS user>`. */
export type Actor = string;

export function audit(
  em: EntityManager,
  actor: Actor,
  action: AuditAction,
  subject: string,
  at: Date,
  detail = '',
): AuditEvent {
  return em.create(AuditEventEntity, { actor, action, subject, detail, at });
}

export function listAuditEvents(em: EntityManager, limit: number): Promise<AuditEvent[]> {
  return em.find(AuditEventEntity, {}, { orderBy: { at: 'desc', id: 'desc' }, limit });
}
