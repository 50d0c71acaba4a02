/**
 * ChargeTransferService handlers: check the request, ask the ledger, encode
 * the answer, and log one structured line per decision (brand and last four,
 * never the number or the CVC). TransferCharges decides each of its
 * transfers as TransferCharge would, together in the ledger's transactions.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import {
  ChargeState,
  type ChargeTransferServiceServer,
  type GetChargeResponse,
  type TransferChargeResponse,
  type TransferChargeResult,
} from '../gen/cardgate/v1/charge.js';
import { UnavailabilityReason } from '../gen/cardgate/v1/sales.js';
import { notFound } from './charge-error.js';
import { toServiceError, unaryHandler } from './grpc-unary.js';
import type { ChargeLedger, TransferAnswer, TransferInput } from './ledger.js';
import { checkBatchedTransfer, checkTransferRequest, requireChargeId } from './request-checks.js';
import { declineMessage } from './simulator.js';

export interface ChargeServiceDeps {
  readonly ledger: ChargeLedger;
  readonly logger: Logger;
  /** Simulated processing time of a valid TransferCharge (once per TransferCharges), spent before it is decided. */
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

    /**
     * Each transfer checked and decided as TransferCharge decides it, in order; one that TransferCharge
     * would refuse is an error result and the others go on. The ledger gets them all at once, so they
     * share its transactions (group commit) and a charge_id repeated in the call is answered as a repeat.
     */
    transferCharges: unaryHandler(logger, 'TransferCharges', async ({ transfers }) => {
      const inputs = transfers.map((request) => attempt(() => checkBatchedTransfer(request)));
      logger.debug({ transfers: transfers.length }, 'charge requests received');
      for (const input of inputs)
        if (input.ok) logger.debug({ chargeId: input.value.chargeId }, 'charge request received');
      if (latencyMs > 0 && inputs.some((input) => input.ok)) await delay(latencyMs);
      // Each ledger.transfer is queued before the first await: in order, in the same transactions.
      const decide = async (input: Attempt<TransferInput>): Promise<TransferChargeResult> => {
        if (!input.ok) return transferError(logger, input.error);
        try {
          const answer = await ledger.transfer(input.value);
          logTransfer(logger, input.value, answer);
          return { response: encodeTransfer(answer) };
        } catch (error) {
          return transferError(logger, error);
        }
      };
      const results = inputs.map(decide);
      return { results: await Promise.all(results) };
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

/** The error result for what TransferCharge would have failed with (unexpected errors: logged, INTERNAL). */
function transferError(logger: Logger, error: unknown): TransferChargeResult {
  const { code, details } = toServiceError(error, logger, 'TransferCharges');
  return { error: { code: code ?? status.INTERNAL, message: details ?? '' } };
}

type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
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
