/**
 * What the gate decided off line, kept until the center has it (SPEC §9),
 * and the manifest it decides with. Every decision (admission or refusal)
 * is committed before its verdict shows; entry ids are random UUIDs, unique
 * on the gate, so an upload repeated after a lost answer counts once.
 */
import { randomUUID } from 'node:crypto';
import { Direction, GateManifest, type OfflineAdmission, type RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { CardEntry } from '../../card/card.js';
import { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { openJournalFile, type JournalSql } from './journal-file.js';

/** One decision as the journal holds it. */
export interface JournalEntry {
  readonly entryId: string;
  readonly cardId: string;
  readonly ticket: CardTicket;
  readonly direction: 'entry' | 'exit';
  readonly decidedAt: Date;
  readonly admitted: boolean;
  /** 0 when admitted. */
  readonly reason: RejectReason;
  readonly reentry: boolean;
}

interface Row {
  entry_id: string;
  card_id: string;
  ticket: Buffer;
  direction: 'entry' | 'exit';
  decided_at: number;
  admitted: number;
  reason: number;
  reentry: number;
}

const entryOf = (row: Row): JournalEntry => ({
  entryId: row.entry_id,
  cardId: row.card_id,
  ticket: CardTicket.decode(row.ticket),
  direction: row.direction,
  decidedAt: new Date(row.decided_at),
  admitted: row.admitted === 1,
  reason: row.reason,
  reentry: row.reentry === 1,
});

export class Journal {
  private constructor(
    readonly path: string,
    private readonly sql: JournalSql & { close(): Promise<void> },
  ) {}

  static async open(path: string): Promise<Journal> {
    return new Journal(path, await openJournalFile(path));
  }

  /** Writes a decision durably and resolves with it, id included. */
  async record(decision: Omit<JournalEntry, 'entryId'>): Promise<JournalEntry> {
    const entry = { ...decision, entryId: randomUUID() };
    await this.sql.run(
      'insert into entries (entry_id, card_id, ticket_id, ticket, direction, decided_at, admitted, reason, reentry) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        entry.entryId,
        entry.cardId,
        entry.ticket.ticket?.ticketId ?? '',
        Buffer.from(CardTicket.encode(entry.ticket).finish()),
        entry.direction,
        entry.decidedAt.getTime(),
        entry.admitted ? 1 : 0,
        entry.reason,
        entry.reentry ? 1 : 0,
      ],
    );
    return entry;
  }

  /** The ticket's admissions (entries and exits) this gate made off line and did not annul, oldest first. */
  async movementsOf(ticketId: string): Promise<JournalEntry[]> {
    const rows = await this.sql.all<Row>(
      'select * from entries where ticket_id = ? and admitted = 1 and annulled = 0 order by seq',
      [ticketId],
    );
    return rows.map(entryOf);
  }

  /** When this gate decided the ticket's admissions it later annulled: the card may still carry them. */
  async annulledOf(ticketId: string): Promise<Date[]> {
    const rows = await this.sql.all<{ decided_at: number }>(
      'select decided_at from entries where ticket_id = ? and admitted = 1 and annulled = 1',
      [ticketId],
    );
    return rows.map((row) => new Date(row.decided_at));
  }

  /**
   * Marks an admission annulled (the buyer did not go through): it no longer counts here, and it is
   * not uploaded. False when it was uploaded already or is not an admission of this journal.
   */
  async annul(entryId: string): Promise<boolean> {
    const [row] = await this.sql.all<{ n: number }>(
      'select count(*) as n from entries where entry_id = ? and admitted = 1 and annulled = 0 and uploaded = 0',
      [entryId],
    );
    if (!row?.n) return false;
    await this.sql.run('update entries set annulled = 1 where entry_id = ?', [entryId]);
    return true;
  }

  /** Decisions not yet uploaded (annulled ones are never uploaded), oldest first. */
  async pending(limit: number): Promise<OfflineAdmission[]> {
    const rows = await this.sql.all<Row>(
      'select * from entries where uploaded = 0 and annulled = 0 order by seq limit ?',
      [limit],
    );
    return rows.map(entryOf).map((entry) => ({
      entryId: entry.entryId,
      cardId: entry.cardId,
      ticket: entry.ticket,
      direction: entry.direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      decidedAt: entry.decidedAt,
      admitted: entry.admitted,
      reason: entry.reason,
      reentry: entry.reentry,
    }));
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.sql.all<{ n: number }>(
      'select count(*) as n from entries where uploaded = 0 and annulled = 0',
    );
    return row?.n ?? 0;
  }

  async markUploaded(entryIds: readonly string[]): Promise<void> {
    if (!entryIds.length) return;
    await this.sql.run(
      `update entries set uploaded = 1 where entry_id in (${entryIds.map(() => '?').join(', ')})`,
      entryIds,
    );
  }

  /** Remembers an entry that did not reach its card, to write it the next time the card is read here. */
  async owe(cardId: string, entry: CardEntry): Promise<void> {
    await this.sql.run(
      'insert or ignore into card_writes (card_id, ticket_id, gate_id, at, direction, reentry) values (?, ?, ?, ?, ?, ?)',
      [cardId, entry.ticketId, entry.gateId, entry.at.getTime(), entry.direction, entry.reentry ? 1 : 0],
    );
  }

  /** The entries owed to this card, oldest first. */
  async owed(cardId: string): Promise<CardEntry[]> {
    const rows = await this.sql.all<{
      ticket_id: string;
      gate_id: string;
      at: number;
      direction: 'entry' | 'exit';
      reentry: number;
    }>('select * from card_writes where card_id = ? order by at', [cardId]);
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      gateId: row.gate_id,
      at: new Date(row.at),
      direction: row.direction,
      reentry: row.reentry === 1,
    }));
  }

  async paid(cardId: string, entry: CardEntry): Promise<void> {
    await this.sql.run('delete from card_writes where card_id = ? and ticket_id = ? and at = ? and direction = ?', [
      cardId,
      entry.ticketId,
      entry.at.getTime(),
      entry.direction,
    ]);
  }

  async saveManifest(manifest: GateManifest): Promise<void> {
    await this.sql.run('insert or replace into manifest (id, version, bytes) values (1, ?, ?)', [
      manifest.version,
      Buffer.from(GateManifest.encode(manifest).finish()),
    ]);
  }

  async loadManifest(): Promise<GateManifest | undefined> {
    const [row] = await this.sql.all<{ bytes: Buffer }>('select bytes from manifest where id = 1');
    return row ? GateManifest.decode(row.bytes) : undefined;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
