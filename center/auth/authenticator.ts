/**
 * Checks the bearer token of each call (SPEC §3: one terminal, one role per
 * token). Lookups are cached briefly so a hot gate does not query the
 * database for every ticket; a revoked token stops working within the TTL
 * (plus one lookup) on every center of a database, since each center
 * only learns of a revocation by looking again.
 */
import type { MikroORM } from '@mikro-orm/core';
import { DomainError } from '../domain-error.js';
import { TerminalEntity, type Role } from './terminal.entity.js';
import { hashToken } from './tokens.js';

export interface Caller {
  readonly terminalId: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * Revocation must reach every center within a second (issue 14). Half a second keeps a busy token
 * to two queries a second per center, shared by all its calls in flight (see `cache`).
 */
const CACHE_TTL_MS = 500;

/** `token list` shows when each token was last used; to the minute is enough, and keeps calls free of writes. */
const LAST_USED_EVERY_MS = 60_000;

export class Authenticator {
  /**
   * Lookups by token, the promise itself: when an entry expires under load, the calls
   * arriving together share one query instead of each sending its own.
   */
  private readonly cache = new Map<string, { caller: Promise<Caller | null>; expires: number }>();

  /** When this center last wrote a token's last use, by token (only tokens that authenticated). */
  private readonly lastUseWritten = new Map<string, number>();

  constructor(private readonly orm: MikroORM) {}

  /**
   * The caller, if the `authorization` header holds a valid bearer token whose role is among
   * `roles` (admin may call everything).
   */
  async authorize(header: unknown, roles: readonly Role[]): Promise<Caller> {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError('UNAUTHENTICATED', 'missing bearer token: send "authorization: Bearer <token>"');
    const caller = await this.lookup(match[1]!);
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked token');
    this.noteUse(match[1]!, caller.terminalId);
    if (caller.role !== 'admin' && !roles.includes(caller.role)) {
      throw new DomainError('FORBIDDEN', `a ${caller.role} terminal may not call this method`);
    }
    return caller;
  }

  /**
   * Records the token's use in the background, at most once a minute per token and center: a hot
   * gate's calls cost a map lookup, not a write. Only the token's own row is touched (a token
   * rotated meanwhile is not credited with the old one's use); a failed write is tried next call.
   */
  private noteUse(token: string, terminalId: string): void {
    const now = Date.now();
    if ((this.lastUseWritten.get(token) ?? -Infinity) + LAST_USED_EVERY_MS > now) return;
    this.lastUseWritten.set(token, now);
    void this.orm.em
      .fork()
      .nativeUpdate(TerminalEntity, { id: terminalId, tokenHash: hashToken(token) }, { lastUsedAt: new Date(now) })
      .catch(() => this.lastUseWritten.delete(token));
  }

  private lookup(token: string): Promise<Caller | null> {
    const now = Date.now();
    const cached = this.cache.get(token);
    if (cached && cached.expires > now) return cached.caller;
    const caller = this.find(hashToken(token));
    this.cache.set(token, { caller, expires: now + CACHE_TTL_MS });
    // Unknown tokens and failed lookups are not kept: random bad tokens must not grow the cache.
    const forget = () => void (this.cache.get(token)?.caller === caller && this.cache.delete(token));
    caller.then((found) => found ?? forget(), forget);
    return caller;
  }

  private async find(tokenHash: string): Promise<Caller | null> {
    const terminal = await this.orm.em.fork().findOne(TerminalEntity, { tokenHash, revokedAt: null });
    return terminal && { terminalId: terminal.id, name: terminal.name, role: terminal.role };
  }
}
