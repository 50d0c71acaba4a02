/**
 * The center's client of the charge-transfer terminal. Every call has a
 * deadline; "could not reach it in time" is a distinct outcome, because then
 * the center does not know whether money moved. Transfers of concurrent
 * sales go together in TransferCharges calls (charge-batches.ts): a unary
 * call per purchase costs CPU on both sides of a hot on-sale. A terminal
 * without TransferCharges (an older one, while the two are upgraded) answers
 * UNIMPLEMENTED, which means it ran nothing; from then on each transfer is
 * its own TransferCharge call, as before TransferCharges existed.
 */
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  ChargeState,
  ChargeTransferServiceClient,
  type GetChargeResponse,
  type TransferChargeRequest,
  type TransferChargeResponse,
  type TransferChargeResult,
} from '../../gen/cardgate/v1/charge.js';
import { batchCalls } from './charge-batches.js';

/** Transfers per TransferCharges call; the terminal accepts up to 512. */
const MAX_TRANSFERS_PER_CALL = 256;

export type Reachable<T> =
  { readonly reached: true; readonly value: T } | { readonly reached: false; readonly error: string };

export interface ChargeGateway {
  transfer(request: TransferChargeRequest): Promise<Reachable<TransferChargeResponse>>;
  /** Reverses an approved charge or voids one the terminal never saw. */
  reverse(chargeId: string, reason: string): Promise<Reachable<ChargeState>>;
  /** The terminal's record of a charge; null when it never saw it. */
  get(chargeId: string): Promise<Reachable<GetChargeResponse | null>>;
  close(): void;
}

/** @param tls PEM contents to reach the terminal over TLS (authority, and the center's client certificate); plain text without. */
export function grpcChargeGateway(
  address: string,
  deadlineMs: number,
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer },
): ChargeGateway {
  const channel = tls
    ? credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null)
    : credentials.createInsecure();
  // Short reconnect backoff and waitForReady: a terminal that comes back is used again within
  // the deadline of the next call, instead of failing fast for up to two minutes of backoff.
  const client = new ChargeTransferServiceClient(address, channel, {
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 1_000,
  });
  type Callback<Res> = (e: ServiceError | null, r: Res) => void;
  const call = <Req, Res>(
    method: (req: Req, md: Metadata, opts: { deadline: number }, cb: Callback<Res>) => unknown,
    request: Req,
    deadline = Date.now() + deadlineMs,
  ) =>
    new Promise<Res>((resolve, reject) => {
      const metadata = new Metadata({ waitForReady: true });
      method.call(client, request, metadata, { deadline }, (error: ServiceError | null, response: Res) =>
        error ? reject(error) : resolve(response),
      );
    });
  const unreachable = (error: unknown) => ({
    reached: false as const,
    error: (error as ServiceError).details ?? (error instanceof Error ? error.message : String(error)),
  });
  let batched = true; // until the terminal answers that it has no TransferCharges
  const eachAlone = (transfers: readonly TransferChargeRequest[], deadline: number) =>
    Promise.all(
      transfers.map((request) =>
        call(client.transferCharge, request, deadline).then(
          (value) => ({ reached: true as const, value }),
          unreachable,
        ),
      ),
    );
  // Each transfer has the deadline from when the sale asked for it; a call that fails as a whole fails each of its transfers.
  const transfer = batchCalls<TransferChargeRequest, Reachable<TransferChargeResponse>>({
    send: async (transfers, deadline) => {
      if (!batched) return eachAlone(transfers, deadline);
      try {
        return (await call(client.transferCharges, { transfers: [...transfers] }, deadline)).results.map(
          transferOutcome,
        );
      } catch (error) {
        if ((error as ServiceError).code !== status.UNIMPLEMENTED) throw error;
        batched = false;
        return eachAlone(transfers, deadline);
      }
    },
    failed: unreachable,
    maxPerCall: MAX_TRANSFERS_PER_CALL,
    deadlineMs,
  });

  return {
    transfer,
    async reverse(chargeId, reason) {
      try {
        const response = await call(client.reverseCharge, { chargeId, reason });
        return { reached: true, value: response.state };
      } catch (error) {
        return unreachable(error);
      }
    },
    async get(chargeId) {
      try {
        return { reached: true, value: await call(client.getCharge, { chargeId }) };
      } catch (error) {
        if ((error as ServiceError).code === status.NOT_FOUND) return { reached: true, value: null };
        return unreachable(error);
      }
    },
    close: () => client.close(),
  };
}

/** One transfer's result as its own TransferCharge call would have ended: an error is not reached, as a ServiceError is. */
function transferOutcome(result: TransferChargeResult): Reachable<TransferChargeResponse> {
  if (result.response) return { reached: true, value: result.response };
  return { reached: false, error: result.error?.message ?? 'the charge terminal sent no result for this transfer' };
}
