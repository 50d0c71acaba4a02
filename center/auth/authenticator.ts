/**
 * Checks the bearer token of each call (SPEC §3: one terminal, one role per
 * token). Lookups are cached briefly so a hot gate does not query the
 * database for every ticket; a revoked token stops working within the TTL.
 */
import type { Metadata } from '@grpc/grpc-js';
import type { MikroORM } from '@mikro-orm/core';
import { DomainError } from '../grpc/domain-error.js';
import { TerminalEntity, type Role } from './terminal.entity.js';
import { hashToken } from './tokens.js';

export interface Caller {
  readonly terminalId: string;
  readonly name: string;
  readonly role: Role;
}

const CACHE_TTL_MS = 5_000;

export class Authenticator {
  private readonly cache = new Map<string, { caller: Caller; expires: number }>();

  constructor(private readonly orm: MikroORM) {}

  /** The caller, if its token is valid and its role is among `roles` (admin may call everything). */
  async authorize(metadata: Metadata, roles: readonly Role[]): Promise<Caller> {
    const header = metadata.get('authorization')[0];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'missing bearer token: send "authorization: Bearer <token>"');
    const caller = await this.lookup(hashToken(match[1]!));
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked token');
    if (caller.role !== 'admin' && !roles.includes(caller.role)) {
      throw new DomainError('PERMISSION_DENIED', `a ${caller.role} terminal may not call this method`);
    }
    return caller;
  }

  private async lookup(tokenHash: string): Promise<Caller | null> {
    const now = Date.now();
    const cached = this.cache.get(tokenHash);
    if (cached && cached.expires > now) return cached.caller;
    const terminal = await this.orm.em.fork().findOne(TerminalEntity, { tokenHash, revokedAt: null });
    if (!terminal) return null; // not cached: random bad tokens must not grow the cache
    const caller = { terminalId: terminal.id, name: terminal.name, role: terminal.role };
    this.cache.set(tokenHash, { caller, expires: now + CACHE_TTL_MS });
    return caller;
  }
}
