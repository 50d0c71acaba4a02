/**
 * ChargeTransferService handlers: check the request, ask the ledger, encode
 * the answer, and log one structured line per decision (brand and last four,
 * never the number or the CVC).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import {
  ChargeState,
  type ChargeTransferServiceServer,
  type GetChargeResponse,
  type TransferChargeResponse,
} from '../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../gen/cardgate/v1/sales.js';
import { notFound } from './charge-error.js';
import { unaryHandler } from './grpc-unary.js';
import type { ChargeLedger, TransferAnswer, TransferInput } from './ledger.js';
import { checkTransferRequest, requireChargeId } from './request-checks.js';
import { declineMessage } from './simulator.js';

export interface ChargeServiceDeps {
  readonly ledger: ChargeLedger;
  readonly logger: Logger;
  /** Simulated processing time of a valid TransferCharge, spent before it is decided. */
  readonly latencyMs: number;
}

export function chargeService({ ledger, logger, latencyMs }: ChargeServiceDeps): ChargeTransferServiceServer {
  return {
    /** Decides a charge once per charge_id; repeats get the first answer. */
    transferCharge: unaryHandler(logger, 'TransferCharge', async (request) => {
      const input = checkTransferRequest(request);
      logger.debug({ chargeId: input.chargeId }, 'charge request received');
      // Deciding after the delay, not before, lets a ReverseCharge sent meanwhile void the id,
      // as with a real processor that had not yet processed the request when the caller gave up.
      if (latencyMs > 0) await delay(latencyMs);
      const answer = await ledger.transfer(input);
      logTransfer(logger, input, answer);
      return encodeTransfer(answer);
    }),

    /** Reverses an approval, or voids an id never seen; safe to repeat. */
    reverseCharge: unaryHandler(logger, 'ReverseCharge', async (request) => {
      const chargeId = requireChargeId(request.chargeId);
      const { record, changed } = await ledger.reverse(chargeId);
      logger.info({ chargeId, state: stateName(record.state), changed, reason: request.reason }, 'charge reversal');
      return { state: record.state };
    }),

    /** The stored record, for the center's recovery after a crash. */
    getCharge: unaryHandler(logger, 'GetCharge', async (request): Promise<GetChargeResponse> => {
      const chargeId = requireChargeId(request.chargeId);
      const record = await ledger.get(chargeId);
      if (!record) throw notFound(`charge ${chargeId} not found`);
      return {
        chargeId,
        state: record.state,
        amount: record.amount,
        authorizationCode: record.authorizationCode,
        declineReason: record.declineReason,
        cardBrand: record.card?.brand ?? '',
        cardLast4: record.card?.last4 ?? '',
        createdAt: record.createdAt,
      };
    }),
  };
}

function encodeTransfer(answer: TransferAnswer): TransferChargeResponse {
  return {
    approved: answer.approved,
    authorizationCode: answer.authorizationCode,
    declineReason: answer.declineReason,
    message: transferMessage(answer),
    cardBrand: answer.card.brand,
    cardLast4: answer.card.last4,
  };
}

function transferMessage(answer: TransferAnswer): string {
  if (answer.approved) return 'Approved.';
  if (answer.kind !== 'refused') return declineMessage(answer.declineReason);
  return answer.record.state === ChargeState.CHARGE_STATE_VOIDED
    ? 'This charge was voided before it was requested; nothing was charged.'
    : 'This charge was reversed; nothing stands charged.';
}

function logTransfer(logger: Logger, input: TransferInput, answer: TransferAnswer): void {
  const fields = {
    chargeId: input.chargeId,
    brand: answer.card.brand,
    last4: answer.card.last4,
    amount: { currencyCode: input.amount.currencyCode, amountMinor: input.amount.amountMinor },
    outcome: answer.approved ? 'approved' : 'declined',
    reason: answer.approved
      ? undefined
      : UnavailabilityReason[answer.declineReason].replace('UNAVAILABILITY_REASON_', ''),
    state: stateName(answer.record.state),
  };
  const messages = {
    decided: 'charge decided',
    replayed: 'charge replayed',
    refused: 'charge refused: id voided or reversed',
  };
  logger.info(fields, messages[answer.kind]);
}

function stateName(state: ChargeState): string {
  return ChargeState[state].replace('CHARGE_STATE_', '');
}
