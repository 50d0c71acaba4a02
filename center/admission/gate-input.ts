/** The checks GateService makes of what a gate sends, before any domain function runs. */
import { Direction, RejectReason, type OfflineAdmission } from '../../gen/cardgate/v1/gate.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { invalidInput } from '../domain-error.js';
import type { UploadedEntry } from './offline-sync.js';

export function requireTicket(ticket: CardTicket | undefined, field: string): CardTicket {
  if (!ticket?.ticket?.ticketId) throw invalidInput(`${field}.ticket.ticket_id is required`);
  return ticket;
}

/** DIRECTION_UNSPECIFIED is an entry; a value this center does not know is refused. */
export function directionOf(direction: Direction, field = 'direction'): 'entry' | 'exit' {
  if (direction === Direction.DIRECTION_EXIT) return 'exit';
  if (direction === Direction.DIRECTION_ENTRY || direction === Direction.DIRECTION_UNSPECIFIED) return 'entry';
  throw invalidInput(`${field} must be DIRECTION_ENTRY or DIRECTION_EXIT`);
}

export function requireIds(request: { gateId: string; cardId: string }): void {
  if (!request.gateId) throw invalidInput('gate_id is required');
  if (!request.cardId) throw invalidInput('card_id is required');
}

/** One off-line journal entry, checked: `field` names it in the error (`admissions[3]`). */
export function uploadedEntry(admission: OfflineAdmission, field: string): UploadedEntry {
  if (!admission.entryId) throw invalidInput(`${field}.entry_id is required`);
  if (!admission.cardId) throw invalidInput(`${field}.card_id is required`);
  if (!admission.decidedAt) throw invalidInput(`${field}.decided_at is required`);
  const cardTicket = requireTicket(admission.ticket, `${field}.ticket`);
  const direction = directionOf(admission.direction, `${field}.direction`);
  const known = RejectReason[admission.reason] !== undefined && admission.reason !== RejectReason.UNRECOGNIZED;
  if (!admission.admitted && (!known || admission.reason === RejectReason.REJECT_REASON_UNSPECIFIED)) {
    throw invalidInput(`${field}.reason must say why a refused entry was refused`);
  }
  return {
    entryId: admission.entryId,
    cardId: admission.cardId,
    cardTicket,
    direction,
    decidedAt: admission.decidedAt,
    admitted: admission.admitted,
    reason: admission.reason,
  };
}
