import { quoted } from '../../card/text.js';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { newId } from '../ids.js';
import { DomainError } from '../domain-error.js';
import { audit, type Actor } from '../admin/audit.js';
import { ROLES, TerminalEntity, type Role, type Terminal } from './terminal.entity.js';

/** Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const newToken = (role: Role) => `cg_${role}_${randomBytes(32).toString('base64url')}`;

export function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new DomainError('INVALID_INPUT', `role must be one of ${ROLES.join(', ')} (got ${quoted(value)})`);
}

/** Registers a terminal and returns its token; the token itself is never stored. With an actor, audited. */
export async function createTerminalToken(
  em: EntityManager,
  name: string,
  role: Role,
  now = new Date(),
  actor?: Actor,
): Promise<{ token: string; terminal: Terminal }> {
  if (!name.trim()) throw new DomainError('INVALID_INPUT', 'name is required');
  if (await em.count(TerminalEntity, { name }))
    throw new DomainError('CONFLICT', `a terminal named ${quoted(name)} already exists`);
  const token = newToken(role);
  const terminal = em.create(TerminalEntity, {
    id: newId('TRM', 8),
    name,
    role,
    tokenHash: hashToken(token),
    createdAt: now,
    revokedAt: null,
    rotatedAt: null,
    lastUsedAt: null,
  });
  if (actor !== undefined) audit(em, actor, 'token.create', terminal.name, now, `role ${role}`);
  await em.flush();
  return { token, terminal };
}

export async function listTerminals(em: EntityManager): Promise<Terminal[]> {
  return em.find(TerminalEntity, {}, { orderBy: { createdAt: 'asc' } });
}

const findTerminal = async (em: EntityManager, nameOrId: string): Promise<Terminal> => {
  const terminal = await em.findOne(TerminalEntity, { $or: [{ name: nameOrId }, { id: nameOrId }] });
  if (!terminal) throw new DomainError('NOT_FOUND', `no terminal named ${quoted(nameOrId)}`);
  return terminal;
};

/** Revokes a terminal's token by terminal name or id; its calls fail from then on. With an actor, audited. */
export async function revokeTerminal(
  em: EntityManager,
  nameOrId: string,
  now = new Date(),
  actor?: Actor,
): Promise<Terminal> {
  const terminal = await findTerminal(em, nameOrId);
  if (actor !== undefined && !terminal.revokedAt) audit(em, actor, 'token.revoke', terminal.name, now);
  terminal.revokedAt ??= now;
  await em.flush();
  return terminal;
}

/**
 * `token rotate`: a new token for a terminal (by name or id), its old one revoked in the same write
 * (the stored hash is replaced, so the old token is unknown from then on). A revoked terminal gets
 * a working token again. Audited as the actor's.
 */
export async function rotateToken(
  em: EntityManager,
  nameOrId: string,
  actor: Actor,
  now = new Date(),
): Promise<{ token: string; terminal: Terminal }> {
  const terminal = await findTerminal(em, nameOrId);
  const token = newToken(terminal.role);
  const wasRevoked = terminal.revokedAt ? ' (it had been revoked)' : '';
  Object.assign(terminal, { tokenHash: hashToken(token), revokedAt: null, rotatedAt: now, lastUsedAt: null });
  audit(em, actor, 'token.rotate', terminal.name, now, `old token revoked${wasRevoked}`);
  await em.flush();
  return { token, terminal };
}

/** Issues a fresh token for a terminal name, creating the terminal or replacing its old token (the demo does this on each start). */
export async function rotateTerminalToken(
  em: EntityManager,
  name: string,
  role: Role,
  now = new Date(),
): Promise<string> {
  const terminal = await em.findOne(TerminalEntity, { name });
  if (!terminal) return (await createTerminalToken(em, name, role, now)).token;
  const token = newToken(role);
  Object.assign(terminal, { role, tokenHash: hashToken(token), revokedAt: null, rotatedAt: now, lastUsedAt: null });
  await em.flush();
  return token;
}
