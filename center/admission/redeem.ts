/**
 * RedeemTicket (SPEC §2 steps 8-9, §10): compares the ticket read from the
 * card with what the center issued and records the movement. A plain entry of
 * a ticket that is exactly what was issued, with an entry left, of a product
 * without re-entry, is admitted by the fast path, one INSERT that checks all
 * of that itself (exact-admit.ts). Any other presentation (an exit, a
 * re-entry product, a refusal) is read and decided by the judge
 * (card/admission/judge.ts), which finds the reason to reject, or admits and
 * the movement is recorded (entry-writer.ts) — judged again if another gate
 * moved the ticket first. Of any number of concurrent movements of one
 * ticket, exactly one takes each number.
 */
import { RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import type { AdmissionRules } from '../../card/admission/admission-rules.js';
import { judgeAdmission, type EntriesUsed, type SignatureCheck } from '../../card/admission/judge.js';
import { presentTicket, type PresentedTicket } from '../../card/admission/presented-ticket.js';
import type { Rejection } from '../../card/admission/verdict.js';
import {
  admittedResponse,
  rejectedResponse as rejected,
  verdictResponse,
} from '../../card/admission/verdict-response.js';
import type { ProductCache } from '../catalog/product-cache.js';
import { stageTimer, type HandlerTimings } from '../timings/handler-timings.js';
import type { EntryWriter } from './entry-writer.js';
import type { ExactAdmit, ExactOutcome } from './exact-admit.js';
import { rulesOf } from './product-rules.js';
import { knownTicket, type TicketReader, type TicketRecord } from './ticket-record.js';

export interface Presentation {
  readonly gateId: string;
  readonly cardId: string;
  readonly cardTicket: CardTicket;
  readonly dryRun: boolean;
  /** Entry when absent. */
  readonly direction?: 'entry' | 'exit';
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
  const direction = presentation.direction ?? 'entry';
  const presented = presentTicket(presentation.cardTicket, presentation.cardId, presentation.gateId, direction);
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
    if (!verdict.admitted) return rejected(verdict, direction);
    const { issued: ticket, rules } = known!; // admitted, so the ticket was known
    const answer = () =>
      verdictResponse(verdict, {
        direction,
        buyerName: presented.cardTicket.buyerIdentification?.buyerName ?? '',
        rules,
        entries: ticket,
        check: presentation.dryRun,
      });
    // A dry run takes nothing: the entry it would take is still left.
    if (presentation.dryRun) return answer();
    const won = await deps.entries.take({
      ticketId: ticket.id,
      movement: ticket.movements + 1,
      direction: verdict.direction,
      reentry: verdict.reentry,
      productId: ticket.productId,
      orderId: ticket.orderId,
      gateId: presentation.gateId,
      cardId: presentation.cardId,
      at: now,
    });
    stage('record');
    if (won) return answer();
    // someone else moved the ticket first: judge again on the fresh rows
  }
  return rejected(RACED, direction);
}

/**
 * The answer when the fast path recorded an entry; otherwise what it read
 * alongside (undefined when it did not read, or did not try).
 */
async function admitExact(
  deps: GateDeps,
  presented: PresentedTicket,
  now: Date,
): Promise<RedeemTicketResponse | (ExactOutcome & { readonly movement: null })> {
  const outcome = await deps.exact.admit(presented, now);
  if (outcome.movement === null) return outcome;
  const info = presented.cardTicket.ticket!;
  if (outcome.movement === 1) return admitted(presented, outcome.rules, null, info.entriesAllowed - 1, false);
  // A ticket moved before: its entries used (this one among them) and, from its second entry
  // on, when it was first used.
  const after = await deps.tickets.read(info.ticketId);
  const used = after?.entriesUsed ?? 1;
  return admitted(presented, outcome.rules, used > 1 ? after : null, info.entriesAllowed - used, false);
}

function admitted(
  presented: PresentedTicket,
  rules: AdmissionRules,
  firstUse: EntriesUsed | null,
  entriesLeft: number,
  reentry: boolean,
): RedeemTicketResponse {
  return admittedResponse({
    buyerName: presented.cardTicket.buyerIdentification?.buyerName ?? '',
    direction: presented.direction,
    reentry,
    entriesLeft,
    firstUsedAt: firstUse?.firstUsedAt ?? undefined,
    firstUsedGate: firstUse?.firstUsedGate ?? '',
    validFrom: rules.opensAt ?? undefined,
    validUntil: rules.closesAt,
  });
}
