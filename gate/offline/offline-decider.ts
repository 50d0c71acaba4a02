/**
 * Deciding without the center (SPEC §9): the one judge
 * (card/admission/judge.ts) with what the gate keeps — the manifest's public
 * key, product rules and cancelled tickets — and the ticket's use so far from
 * the journal and the card. The answer has the center's shape, so the screens
 * say the same words as on line. A ticket the gate cannot judge (no manifest
 * yet, a product it has not heard of) is refused with what to do about it.
 */
import { admissionRules } from '../../card/admission/admission-rules.js';
import { judgeAdmission, signatureCheck, type KnownTicket } from '../../card/admission/judge.js';
import { presentTicket } from '../../card/admission/presented-ticket.js';
import { verdictResponse } from '../../card/admission/verdict-response.js';
import type { CardEntry } from '../../card/card.js';
import { publicKeyFromRaw } from '../../card/signature.js';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { Direction, RejectReason, type GateManifest, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { entriesSoFar } from './entries-so-far.js';
import type { Journal, JournalEntry } from './journal.js';

export interface OfflineQuestion {
  readonly gateId: string;
  readonly cardId: string;
  readonly ticket: CardTicket;
  readonly direction: 'entry' | 'exit';
  /** The entries written on the card the ticket was read from. */
  readonly cardEntries: readonly CardEntry[];
}

export interface OfflineAnswer {
  readonly response: RedeemTicketResponse;
  /** The journal entry written for it (a real decision, not a check). */
  readonly entry?: JournalEntry;
  /** Set when the gate could not judge the ticket: why, in words an attendant can act on. */
  readonly cannotJudge?: string;
}

const NO_MANIFEST =
  'This gate has not been able to reach the center yet, so it cannot check tickets on its own. Do not admit: send the buyer to another gate or wait until the center answers';
const UNKNOWN_PRODUCT =
  'This gate has not heard of this ticket’s event from the center (it was added after the gate went off line, or has closed). Do not admit: send the buyer to a gate that is on line or to the box office';

export class OfflineDecider {
  private manifest: GateManifest | undefined;
  private verify: ReturnType<typeof signatureCheck> | undefined;

  constructor(private readonly journal: Journal) {}

  /** The manifest to decide with (from the center, or the journal's copy after a restart). */
  use(manifest: GateManifest | undefined): void {
    this.manifest = manifest;
    this.verify = manifest ? signatureCheck(publicKeyFromRaw(manifest.signingPublicKey)) : undefined;
  }

  get hasManifest(): boolean {
    return this.manifest !== undefined;
  }

  /** Judges without recording: the ticket menu's states. */
  async check(question: OfflineQuestion, now: Date): Promise<OfflineAnswer> {
    return this.judge(question, now, true);
  }

  /** Judges and writes the decision to the journal before answering (SPEC §9). */
  async decide(question: OfflineQuestion, now: Date): Promise<OfflineAnswer> {
    const answer = await this.judge(question, now, false);
    if (answer.cannotJudge) return answer;
    const entry = await this.journal.record({
      cardId: question.cardId,
      ticket: question.ticket,
      direction: question.direction,
      decidedAt: now,
      admitted: answer.response.admitted,
      reason: answer.response.reason,
      reentry: answer.response.reentry,
    });
    return { ...answer, entry };
  }

  /** The ticket's entries on the card, less those this gate wrote and then annulled in its journal. */
  private async cardEntriesOf(question: OfflineQuestion, ticketId: string): Promise<CardEntry[]> {
    const annulled = new Set((await this.journal.annulledOf(ticketId)).map((at) => Math.floor(at.getTime() / 1000)));
    return question.cardEntries.filter(
      (entry) =>
        entry.ticketId === ticketId &&
        !(entry.gateId === question.gateId && annulled.has(Math.floor(entry.at.getTime() / 1000))),
    );
  }

  /** `check`: only checked (the menu), so the entry an admission would take is still left. */
  private async judge(question: OfflineQuestion, now: Date, check: boolean): Promise<OfflineAnswer> {
    const { manifest, verify } = this;
    if (!manifest || !verify) return cannotJudge(NO_MANIFEST, question.direction);
    const info = question.ticket.ticket;
    const product = manifest.products.find((p) => p.id === info?.productId);
    if (!info || !product) return cannotJudge(UNKNOWN_PRODUCT, question.direction);
    const ticketId = info.ticketId;
    const rules = admissionRules(productAdmission(product));
    const known: KnownTicket = {
      rules,
      cancelled: manifest.cancelledTicketIds.includes(ticketId),
      entries: entriesSoFar(
        (await this.journal.movementsOf(ticketId)).map((entry) => ({
          gateId: question.gateId,
          at: entry.decidedAt,
          direction: entry.direction,
          reentry: entry.reentry,
        })),
        await this.cardEntriesOf(question, ticketId),
      ),
    };
    const presented = presentTicket(question.ticket, question.cardId, question.gateId, question.direction);
    const verdict = judgeAdmission(presented, known, now, verify);
    return {
      response: verdictResponse(verdict, {
        direction: question.direction,
        buyerName: question.ticket.buyerIdentification?.buyerName ?? '',
        rules,
        entries: known.entries,
        check,
      }),
    };
  }
}

function productAdmission(product: Product) {
  return {
    startsAt: product.startsAt ?? new Date(0),
    admissionOpensAt: product.admissionOpensAt,
    admissionClosesAt: product.admissionClosesAt,
    gateIds: product.gateIds,
    allowReentry: product.allowReentry,
  };
}

const directionOf = (direction: 'entry' | 'exit') =>
  direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY;

function cannotJudge(words: string, direction: 'entry' | 'exit'): OfflineAnswer {
  return {
    cannotJudge: words,
    response: {
      admitted: false,
      reason: RejectReason.REJECT_REASON_UNSPECIFIED,
      message: words,
      firstUsedAt: undefined,
      firstUsedGate: '',
      entriesLeft: 0,
      validFrom: undefined,
      validUntil: undefined,
      direction: directionOf(direction),
      reentry: false,
    },
  };
}
