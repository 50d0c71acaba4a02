/** The admission judge's test bench: a signed ticket, what the center knows of it, and the judge at a fixed clock. */
import { type AdmissionRules } from '../../card/admission/admission-rules.js';
import { judgeAdmission, signatureCheck, type KnownTicket, type SignatureCheck } from '../../card/admission/judge.js';
import { presentTicket } from '../../card/admission/presented-ticket.js';
import { signTicket } from '../../card/signature.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { BuyerIdentification, TicketInfo, type CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { CARD_ID, keyPair, sampleTicket } from '../helpers/card-fixtures.js';

export const R = RejectReason;
export const HOUR = 60 * 60 * 1000;
export const { privateKey, publicKey } = keyPair();
export const verify = signatureCheck(publicKey);
export const NOW = new Date('2026-12-01T19:00:00.000Z');
export const OTHER_CARD = '04FFFFFFFFFFFF';

/** A ticket the center issued to CARD_ID, signed. */
export function issue(entriesAllowed = 1): CardTicket {
  const cardTicket = sampleTicket(1);
  cardTicket.ticket!.entriesAllowed = entriesAllowed;
  cardTicket.signature = signTicket(privateKey, cardTicket.ticket!, cardTicket.buyerIdentification!, CARD_ID);
  return cardTicket;
}

export const RULES: AdmissionRules = {
  opensAt: new Date(NOW.getTime() - HOUR),
  closesAt: new Date(NOW.getTime() + HOUR),
  gateIds: [],
  allowReentry: false,
};

/** What the center knows of `issued`: its record as stored at issue, unused, not cancelled. */
export function known(issued: CardTicket, overrides: Partial<KnownTicket> = {}): KnownTicket {
  return {
    rules: RULES,
    cancelled: false,
    entries: { entriesUsed: 0, firstUsedAt: null, firstUsedGate: null, lastMovement: null },
    issued: {
      cardId: CARD_ID,
      info: TicketInfo.encode(issued.ticket!).finish(),
      buyerIdentification: BuyerIdentification.encode(issued.buyerIdentification!).finish(),
      signature: Buffer.from(issued.signature),
      entriesAllowed: issued.ticket!.entriesAllowed,
    },
    ...overrides,
  };
}

export const judge = (
  cardTicket: CardTicket,
  ticket: KnownTicket | null,
  at: { cardId?: string; gateId?: string; now?: Date; verify?: SignatureCheck; direction?: 'entry' | 'exit' } = {},
) =>
  judgeAdmission(
    presentTicket(cardTicket, at.cardId ?? CARD_ID, at.gateId ?? 'G1', at.direction),
    ticket,
    at.now ?? NOW,
    at.verify ?? verify,
  );

export const edited = (cardTicket: CardTicket, edit: (copy: CardTicket) => void) => {
  const copy = structuredClone(cardTicket);
  edit(copy);
  return copy;
};
