/**
 * The gate's link to the center with its off-line fallback (SPEC §9).
 *
 * Staying ready: it asks GetGateManifest every `pollMs` (3 s) with the
 * version it holds. Polling rather than a server stream: the same call is the
 * gate's heartbeat (the center learns the gate is on line and its backlog), it
 * is what tells the gate it is back on line, and an unchanged manifest costs a
 * few bytes. The manifest is kept in the journal file, so a gate restarted
 * during an outage still decides.
 *
 * Deciding: a question goes to the center with a deadline of `deadlineMs`
 * (1.5 s, short enough that a queue does not notice); without an answer, or
 * at once when the gate already knows it is off line, the OfflineDecider
 * judges it and writes it to the journal. Once the center answers again the
 * journal is uploaded (SyncOfflineAdmissions, 100 at a time) and marked.
 */
import { status as grpcStatus, type ServiceError } from '@grpc/grpc-js';
import {
  Direction,
  type CheckTicketsRequest,
  type GetGateManifestResponse,
  type RedeemTicketRequest,
  type RedeemTicketResponse,
  type SyncOfflineAdmissionsResponse,
} from '../../gen/cardgate/v1/gate.js';
import type { Card, CardEntry } from '../../card/card.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { unary } from '../../terminal/rpc.js';
import { catchUp, writeEntry } from './card-entries.js';
import { Journal } from './journal.js';
import { OfflineDecider, type OfflineAnswer } from './offline-decider.js';

export interface OfflineStatus {
  /** undefined until the first poll has an answer or fails. */
  readonly online: boolean | undefined;
  /** When the gate lost the center (set while off line). */
  readonly offlineSince?: Date;
  /** Journal entries waiting to be uploaded. */
  readonly backlog: number;
  readonly hasManifest: boolean;
}

export interface OfflineGateOptions {
  readonly center: CenterClient;
  readonly gateId: string;
  readonly journalPath: string;
  readonly pollMs?: number;
  readonly deadlineMs?: number;
  readonly now?: () => Date;
}

/** The answer to a question, and when the gate decided it alone, how. */
export interface GateAnswer {
  readonly response: RedeemTicketResponse;
  readonly offline?: OfflineAnswer & { readonly since: Date };
}

export interface GateQuestion {
  readonly cardId: string;
  readonly ticket: CardTicket;
  readonly dryRun: boolean;
  readonly direction: 'entry' | 'exit';
  readonly cardEntries: readonly CardEntry[];
}

const SYNC_BATCH = 100;

/** The center did not answer (as opposed to answering no). */
export const isUnreachable = (error: unknown) => {
  const code = (error as Partial<ServiceError>).code;
  return code === grpcStatus.UNAVAILABLE || code === grpcStatus.DEADLINE_EXCEEDED || code === grpcStatus.CANCELLED;
};

export class OfflineGate {
  private state: OfflineStatus = { online: undefined, backlog: 0, hasManifest: false };
  private readonly listeners = new Set<(status: OfflineStatus) => void>();
  private timer: NodeJS.Timeout | undefined;
  private syncing = false;
  private polling = false;
  private pollAgain = false;
  /** The version of the manifest held, sent as known_version. */
  private version = '';
  private closed = false;
  private readonly decider: OfflineDecider;
  readonly pollMs: number;
  readonly deadlineMs: number;
  private readonly now: () => Date;

  private constructor(
    private readonly options: OfflineGateOptions,
    readonly journal: Journal,
  ) {
    this.decider = new OfflineDecider(journal);
    this.pollMs = options.pollMs ?? 3_000;
    this.deadlineMs = options.deadlineMs ?? 1_500;
    this.now = options.now ?? (() => new Date());
  }

  /** Opens the journal, takes its manifest and starts polling. */
  static async open(options: OfflineGateOptions): Promise<OfflineGate> {
    const gate = new OfflineGate(options, await Journal.open(options.journalPath));
    const cached = await gate.journal.loadManifest();
    gate.decider.use(cached);
    gate.version = cached?.version ?? '';
    gate.update({ hasManifest: gate.decider.hasManifest, backlog: await gate.journal.pendingCount() });
    void gate.poll();
    return gate;
  }

  get status(): OfflineStatus {
    return this.state;
  }

  subscribe(listener: (status: OfflineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls now (the attendant's retry key). */
  retry(): void {
    void this.poll();
  }

  /** Asks the center; decides alone when it does not answer in time or is known to be off line. */
  async redeem(question: GateQuestion): Promise<GateAnswer> {
    if (this.state.online !== false) {
      const request: RedeemTicketRequest = {
        gateId: this.options.gateId,
        cardId: question.cardId,
        ticket: question.ticket,
        dryRun: question.dryRun,
        direction: question.direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      };
      try {
        const center = this.options.center.gate;
        return { response: await unary(center.redeemTicket.bind(center), request, this.deadlineMs) };
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        this.wentOffline();
      }
    }
    return this.alone(question);
  }

  /** Every ticket of a card at once (the menu); judged alone while off line. */
  async check(
    cardId: string,
    tickets: readonly CardTicket[],
    direction: 'entry' | 'exit',
    cardEntries: readonly CardEntry[],
  ): Promise<{ results: RedeemTicketResponse[]; offline: boolean }> {
    if (this.state.online !== false) {
      const request: CheckTicketsRequest = {
        gateId: this.options.gateId,
        cardId,
        tickets: [...tickets],
        direction: direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      };
      try {
        const center = this.options.center.gate;
        return {
          results: (await unary(center.checkTickets.bind(center), request, this.deadlineMs)).results,
          offline: false,
        };
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        this.wentOffline();
      }
    }
    const results = [];
    for (const ticket of tickets) {
      const question = { gateId: this.options.gateId, cardId, ticket, direction, cardEntries };
      results.push((await this.decider.check(question, this.now())).response);
    }
    return { results, offline: true };
  }

  /** Writes this gate's entry onto the card after an admission (card-entries.ts). */
  writeEntry(card: Card, entry: CardEntry): Promise<void> {
    return writeEntry(this.journal, card, entry);
  }

  /** Writes the entries owed to a card just read; those already on it are dropped (card-entries.ts). */
  catchUp(card: Card, onCard: readonly CardEntry[]): Promise<CardEntry[]> {
    return catchUp(this.journal, card, onCard);
  }

  /** Annuls an off-line admission in the journal: it no longer counts and is never uploaded. */
  async annulOffline(entryId: string): Promise<boolean> {
    const done = await this.journal.annul(entryId);
    this.update({ backlog: await this.journal.pendingCount() });
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.journal.close();
  }

  private async alone(question: GateQuestion): Promise<GateAnswer> {
    const since = this.state.offlineSince ?? this.now();
    const asked = { gateId: this.options.gateId, ...question };
    const answer = question.dryRun
      ? await this.decider.check(asked, this.now())
      : await this.decider.decide(asked, this.now());
    if (answer.entry) this.update({ backlog: await this.journal.pendingCount() });
    return { response: answer.response, offline: { ...answer, since } };
  }

  private wentOffline(): void {
    if (this.state.online === false) return;
    this.update({ online: false, offlineSince: this.now() });
  }

  private async poll(): Promise<void> {
    clearTimeout(this.timer);
    if (this.closed) return;
    // One poll at a time, so a retry key never starts a second chain of timers.
    if (this.polling) return void (this.pollAgain = true);
    this.polling = true;
    try {
      const center = this.options.center.gate;
      const answer: GetGateManifestResponse = await unary(
        center.getGateManifest.bind(center),
        {
          gateId: this.options.gateId,
          knownVersion: this.version,
          pendingOffline: this.state.backlog,
        },
        this.deadlineMs,
      );
      if (!answer.unchanged && answer.manifest) {
        await this.journal.saveManifest(answer.manifest);
        this.decider.use(answer.manifest);
        this.version = answer.manifest.version;
      }
      this.update({ online: true, offlineSince: undefined, hasManifest: this.decider.hasManifest });
      await this.sync();
    } catch (error) {
      if (this.closed) return;
      // A center without the RPC (UNIMPLEMENTED) or one refusing the token still answers: on line, no manifest.
      if (isUnreachable(error)) this.wentOffline();
      else this.update({ online: true, offlineSince: undefined });
    } finally {
      this.polling = false;
      const again = this.pollAgain;
      this.pollAgain = false;
      if (!this.closed) this.timer = setTimeout(() => void this.poll(), again ? 0 : this.pollMs);
    }
  }

  /** Uploads the journal's pending entries, oldest first, until none is left or the center stops answering. */
  private async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      for (;;) {
        const admissions = await this.journal.pending(SYNC_BATCH);
        if (!admissions.length) break;
        const center = this.options.center.gate;
        const answer: SyncOfflineAdmissionsResponse = await unary(
          center.syncOfflineAdmissions.bind(center),
          { gateId: this.options.gateId, admissions },
          this.deadlineMs * 4,
        );
        await this.journal.markUploaded(answer.acceptedEntryIds);
        this.update({ backlog: await this.journal.pendingCount() });
        if (!answer.acceptedEntryIds.length) break; // nothing accepted: try again at the next poll
      }
    } catch {
      // Unreachable again or not implemented: the entries stay pending for the next poll.
    } finally {
      this.syncing = false;
    }
  }

  private update(change: Partial<OfflineStatus>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
