/**
 * RedeemTicket (SPEC §2 steps 8-9): compares the ticket read from the card
 * with what the center issued and records the entry. A ticket that is exactly
 * what was issued, with an entry left, is admitted by the fast path, one
 * INSERT that checks all of that itself (exact-admit.ts). Any other
 * presentation is read and decided by the judge (card/admission/judge.ts),
 * which finds the reason to reject, or admits and the entry is recorded
 * (entry-writer.ts) — judged again if another gate took that entry first. Of
 * any number of concurrent redemptions of one entry, exactly one can win.
 */
import { RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { AdmissionRules } from '../../card/admission/admission-rules.js';
import { judgeAdmission, type EntriesUsed, type SignatureCheck } from '../../card/admission/judge.js';
import { presentTicket, type PresentedTicket } from '../../card/admission/presented-ticket.js';
import type { Rejection } from '../../card/admission/verdict.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { stageTimer, type HandlerTimings } from '../timings/handler-timings.js';
import type { EntryWriter } from './entry-writer.js';
import type { ExactAdmit, ExactOutcome } from './exact-admit.js';
import { rulesOf } from './product-rules.js';
import { rejectMessage } from './reject-message.js';
import { knownTicket, type TicketReader, type TicketRecord } from './ticket-record.js';

export interface Presentation {
  readonly gateId: string;
  readonly cardId: string;
  readonly cardTicket: CardTicket;
  readonly dryRun: boolean;
}

/** What redemption needs from the running center. */
export interface GateDeps {
  /** Verifies a ticket's signature with the center's public key. */
  readonly verify: SignatureCheck;
  readonly tickets: TicketReader;
  readonly products: ProductCache;
  readonly entries: EntryWriter;
  readonly exact: ExactAdmit;
  readonly timings?: HandlerTimings;
}

/** How often a multi-entry ticket retries when another gate took an entry between read and update. */
const MAX_ATTEMPTS = 5;
const RACED: Rejection = { admitted: false, reason: RejectReason.REJECT_REASON_ALREADY_USED };

export async function redeemTicket(
  deps: GateDeps,
  presentation: Presentation,
  now: Date,
): Promise<RedeemTicketResponse> {
  const stage = stageTimer(presentation.dryRun ? undefined : deps.timings, 'RedeemTicket');
  const presented = presentTicket(presentation.cardTicket, presentation.cardId, presentation.gateId);
  // What the fast path read, for the judge's first attempt (undefined: read it).
  let read: TicketRecord | null | undefined;
  if (!presentation.dryRun) {
    const exact = await admitExact(deps, presented, now);
    stage('admit');
    if ('admitted' in exact) return exact;
    read = exact.ticket;
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record =
      attempt === 0 && read !== undefined ? read : await deps.tickets.read(presented.cardTicket.ticket!.ticketId);
    const known = record && knownTicket(record, rulesOf(await deps.products.get(record.productId)));
    const verdict = judgeAdmission(presented, known, now, deps.verify);
    stage('judge');
    if (!verdict.admitted) return rejected(verdict);
    const { issued: ticket, rules } = known!; // admitted, so the ticket was known
    // A dry run takes nothing: the entry it would take is still left.
    if (presentation.dryRun) return admitted(presented, rules, ticket, verdict.entriesLeft + 1);
    const won = await deps.entries.take({
      ticketId: ticket.id,
      entry: verdict.entry,
      productId: ticket.productId,
      orderId: ticket.orderId,
      gateId: presentation.gateId,
      cardId: presentation.cardId,
      at: now,
    });
    stage('record');
    if (won) return admitted(presented, rules, ticket, verdict.entriesLeft);
    // someone else took this entry: judge again on the fresh row
  }
  return rejected(RACED);
}

/**
 * The answer when the fast path recorded an entry; otherwise what it read
 * alongside (undefined when it did not read, or did not try).
 */
async function admitExact(
  deps: GateDeps,
  presented: PresentedTicket,
  now: Date,
): Promise<RedeemTicketResponse | (ExactOutcome & { readonly entry: null })> {
  const outcome = await deps.exact.admit(presented, now);
  if (outcome.entry === null) return outcome;
  const info = presented.cardTicket.ticket!;
  // A later entry of a multi-entry ticket also says when it was first used.
  const firstUse = outcome.entry > 1 ? await deps.tickets.read(info.ticketId) : null;
  return admitted(presented, outcome.rules, firstUse, info.entriesAllowed - outcome.entry);
}

function admitted(
  presented: PresentedTicket,
  rules: AdmissionRules,
  firstUse: EntriesUsed | null,
  entriesLeft: number,
): RedeemTicketResponse {
  return {
    admitted: true,
    reason: RejectReason.REJECT_REASON_UNSPECIFIED,
    message: `Welcome, ${presented.cardTicket.buyerIdentification?.buyerName ?? ''}.`,
    firstUsedAt: firstUse?.firstUsedAt ?? undefined,
    firstUsedGate: firstUse?.firstUsedGate ?? '',
    entriesLeft,
    validFrom: rules.opensAt ?? undefined,
    validUntil: rules.closesAt,
  };
}

function rejected(rejection: Rejection): RedeemTicketResponse {
  return {
    admitted: false,
    reason: rejection.reason,
    message: rejectMessage(rejection.reason, rejection),
    firstUsedAt: rejection.firstUsedAt,
    firstUsedGate: rejection.firstUsedGate ?? '',
    entriesLeft: 0,
    validFrom: rejection.validFrom,
    validUntil: rejection.validUntil,
  };
}
