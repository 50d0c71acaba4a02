/**
 * Which gates are on line (AdminService.ListGates): every GateService call of
 * a gate terminal marks its gate id seen in `gate_presence`, so every center
 * on the database agrees. Only authenticated gate terminals count (an admin
 * trying a gate's RPC is no gate), and the write is throttled in memory: at
 * most one per gate per SEEN_WRITE_MS from this center, sent in the
 * background, so a busy gate's RedeemTicket pays a map lookup and no write.
 * A gate polls its manifest every few seconds, so a gate not heard from for
 * OFFLINE_AFTER_MS is off line (or switched off).
 *
 * The first gate terminal that uses a gate id owns it (terminal_id): only it
 * may upload that gate's off-line journal (claimForSync), so one gate cannot
 * record admissions in another's name. A revoked owner gives the gate id up
 * to the next terminal that uploads for it (a gate's token was replaced).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { Caller } from '../auth/authenticator.js';
import { DomainError } from '../domain-error.js';
import { withConnection } from '../db/raw-sql.js';

/** A gate id's presence is written at most this often from one center (pending_offline changes excepted). */
export const SEEN_WRITE_MS = 5_000;
/**
 * Not heard from for longer than this: off line. Gates poll their manifest every 2–5 s and a center
 * writes a poll at most every SEEN_WRITE_MS, so an on-line gate's last_seen_at is at most ~10 s old.
 */
export const OFFLINE_AFTER_MS = 15_000;
/** Gate ids whose last write this center remembers; past it, it forgets them all (they are written again once). */
const MAX_REMEMBERED = 10_000;

const UPSERT = (pending: boolean) =>
  'insert into gate_presence (gate_id, terminal_id, last_seen_at, pending_offline, last_sync_at) ' +
  'values (?, ?, ?, ?, null) on conflict (gate_id) do update set last_seen_at = case ' +
  'when excluded.last_seen_at > gate_presence.last_seen_at then excluded.last_seen_at else gate_presence.last_seen_at end' +
  (pending ? ', pending_offline = excluded.pending_offline' : '');

/**
 * The upload's mark, when the caller owns the gate id (or takes it: new, or its owner revoked);
 * no row when another live terminal owns it.
 */
const CLAIM =
  'insert into gate_presence (gate_id, terminal_id, last_seen_at, pending_offline, last_sync_at) ' +
  'values (?, ?, ?, 0, ?) on conflict (gate_id) do update set terminal_id = excluded.terminal_id, ' +
  'last_seen_at = excluded.last_seen_at, last_sync_at = excluded.last_sync_at ' +
  'where gate_presence.terminal_id = excluded.terminal_id or not exists ' +
  '(select 1 from terminals o where o.id = gate_presence.terminal_id and o.revoked_at is null) returning gate_id';

export class GatePresenceLog {
  /** Per gate id: when this center last wrote it (clock ms) and the pending_offline it wrote. */
  private readonly written = new Map<string, { at: number; pending: number | undefined }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /**
   * Notes a call from `gateId`; `pendingOffline` as a manifest poll reports it. Written in the
   * background unless this center wrote this gate less than SEEN_WRITE_MS ago with the same count.
   */
  seen(caller: Caller, gateId: string, pendingOffline?: number): void {
    if (caller.role !== 'gate' || !gateId) return;
    const at = this.now();
    const last = this.written.get(gateId);
    const pendingChanged = pendingOffline !== undefined && pendingOffline !== last?.pending;
    if (last && at.getTime() - last.at < SEEN_WRITE_MS && !pendingChanged) return;
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(gateId, { at: at.getTime(), pending: pendingOffline ?? last?.pending });
    const params = [gateId, caller.terminalId, at, pendingOffline ?? 0];
    withConnection(this.orm, (sql) => sql.run(UPSERT(pendingOffline !== undefined), params)).catch((error: unknown) => {
      this.written.delete(gateId);
      this.logger.error({ err: error, gateId }, 'gate presence not written');
    });
  }

  /**
   * Marks an upload from `gateId` (last seen and last sync now); refuses (FORBIDDEN) a gate terminal
   * uploading for a gate id another terminal owns. An admin may upload for any gate (a journal saved
   * from a broken gate) and claims nothing.
   */
  async claimForSync(caller: Caller, gateId: string): Promise<void> {
    if (caller.role !== 'gate') return;
    const at = this.now();
    const rows = await withConnection(this.orm, (sql) => sql.all(CLAIM, [gateId, caller.terminalId, at, at]));
    if (rows.length === 0) {
      throw new DomainError(
        'FORBIDDEN',
        `gate ${gateId} belongs to another gate terminal: a gate uploads only its own journal (check --gate-id and the token)`,
      );
    }
  }
}
