/**
 * Shape checks on incoming requests: a malformed credit instruction is a
 * caller's bug (INVALID_ARGUMENT naming the field), while a card that merely
 * is not valid is a business answer (declined, INVALID_CARD) left to the
 * simulator.
 */
import type { TransferChargeRequest } from '../gen/cardgate/v1/charge.js';
import { problemIn } from '../center/grpc/request-limits.js';
import { invalidArgument } from './charge-error.js';
import { CHARGE_LIMITS } from './charge-limits.js';
import type { TransferInput } from './ledger.js';

/** Ids are opaque to the terminal, but bounded so a ledger entry stays small. */
const MAX_CHARGE_ID_LENGTH = 128;

export function requireChargeId(chargeId: string): string {
  if (!chargeId) throw invalidArgument('charge_id is required');
  if (chargeId.length > MAX_CHARGE_ID_LENGTH)
    throw invalidArgument(`charge_id must be at most ${MAX_CHARGE_ID_LENGTH} characters`);
  return chargeId;
}

/** The parts of a TransferCharge the ledger needs, or an INVALID_ARGUMENT naming the first bad field. */
export function checkTransferRequest(request: TransferChargeRequest): TransferInput {
  const chargeId = requireChargeId(request.chargeId);
  const { amount, creditCard } = request;
  if (!amount) throw invalidArgument('amount is required');
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0) {
    throw invalidArgument('amount.amount_minor must be positive');
  }
  if (!/^[A-Z]{3}$/.test(amount.currencyCode)) {
    throw invalidArgument('amount.currency_code must be a three-letter ISO 4217 code such as EUR');
  }
  if (!creditCard) throw invalidArgument('credit_card is required');
  return { chargeId, amount, card: creditCard };
}

/**
 * One transfer of a TransferCharges call: first the field limits TransferCharge is held to as it is decoded
 * (the batch's decoder leaves them to this check), then checkTransferRequest; the same INVALID_ARGUMENT
 * message as that TransferCharge alone would get.
 */
export function checkBatchedTransfer(request: TransferChargeRequest): TransferInput {
  const problem = problemIn(request, CHARGE_LIMITS);
  if (problem !== undefined) throw invalidArgument(problem);
  return checkTransferRequest(request);
}
