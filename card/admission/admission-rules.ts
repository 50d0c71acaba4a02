/**
 * A product's admission rules (SPEC §3, §10): when its tickets admit, at which
 * gates, and whether one that exited may enter again. The center derives them from its product rows; an off-line gate
 * (SPEC §9) from the Product messages it keeps.
 */
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import type { Rejection } from './verdict.js';

export interface AdmissionRules {
  /** null: from the moment of sale. */
  readonly opensAt: Date | null;
  readonly closesAt: Date;
  /** Empty: every gate. */
  readonly gateIds: readonly string[];
  /** A ticket that exited may enter again without using an entry (SPEC §10). */
  readonly allowReentry: boolean;
}

/** What a product says about admission: a center's product row and a Product message both have it. */
export interface ProductAdmission {
  readonly startsAt: Date;
  readonly admissionOpensAt?: Date | null;
  readonly admissionClosesAt?: Date | null;
  readonly gateIds: readonly string[];
  readonly allowReentry?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The product's rules; without a window of its own it admits from the moment of sale until 24 hours after its start. */
export function admissionRules(product: ProductAdmission): AdmissionRules {
  return {
    opensAt: product.admissionOpensAt ?? null,
    closesAt: product.admissionClosesAt ?? new Date(product.startsAt.getTime() + DAY_MS),
    gateIds: product.gateIds,
    allowReentry: product.allowReentry ?? false,
  };
}

/**
 * Why the rules refuse a ticket at this gate at this time, in SPEC §3's order
 * (the window, then the gate); undefined when they admit. Gate id '' is no
 * gate at all (a kiosk checking its card): the gate rule does not apply.
 */
export function refusalByRules(rules: AdmissionRules, gateId: string, now: Date): Rejection | undefined {
  if (rules.opensAt && now < rules.opensAt) return outsideWindow(RejectReason.REJECT_REASON_NOT_YET_VALID, rules);
  if (now > rules.closesAt) return outsideWindow(RejectReason.REJECT_REASON_EXPIRED, rules);
  if (gateId && rules.gateIds.length > 0 && !rules.gateIds.includes(gateId)) {
    return { admitted: false, reason: RejectReason.REJECT_REASON_WRONG_GATE, gateIds: rules.gateIds };
  }
  return undefined;
}

function outsideWindow(reason: RejectReason, rules: AdmissionRules): Rejection {
  return { admitted: false, reason, validFrom: rules.opensAt ?? undefined, validUntil: rules.closesAt };
}
