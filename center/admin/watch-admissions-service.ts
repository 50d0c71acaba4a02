/**
 * WatchAdmissions (SPEC §10): every admission, refusal, exit and annulment as
 * it happens, from the admission feed (admission-feed.ts). A reader that
 * falls behind never slows the gates — nothing a gate does waits for a
 * stream — and is not allowed to grow the center's memory either: once more
 * than `bufferEvents` events wait for it, it is dropped with
 * RESOURCE_EXHAUSTED and may reconnect. Each stream holds a place of the
 * center's stream quota (grpc/stream-quota.ts), like WatchAvailability.
 */
import { Metadata, status, type ServerWritableStream } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { WatchAdmissionsRequest, WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { invalidInput } from '../domain-error.js';
import { refusalOf } from '../grpc/request-limits.js';
import type { StreamQuota } from '../grpc/stream-quota.js';
import { authorizationOf, centerError, type HandlerContext } from '../grpc/unary.js';
import type { AdmissionFeed } from './admission-feed.js';

export interface WatchDeps {
  readonly context: HandlerContext;
  readonly feed: AdmissionFeed;
  readonly streams: StreamQuota;
  readonly bufferEvents: number;
}

type Call = ServerWritableStream<WatchAdmissionsRequest, WatchAdmissionsResponse>;

export function watchAdmissions({ context, feed, streams, bufferEvents }: WatchDeps) {
  return (call: Call) => {
    let release = () => {};
    let ended = false;
    const end = (code: status, details: string) => {
      if (ended) return;
      ended = true;
      release();
      call.emit('error', { code, details });
    };
    void (async () => {
      try {
        const refusal = refusalOf(call.request);
        if (refusal !== undefined) throw invalidInput(refusal);
        const caller = await context.auth.authorize(authorizationOf(call.metadata), []);
        const giveBack = streams.take(caller.terminalId);
        const gates = new Set(call.request.gateIds);
        const products = new Set(call.request.productIds);
        const wanted = (event: WatchAdmissionsResponse) =>
          (gates.size === 0 || gates.has(event.gateId)) && (products.size === 0 || products.has(event.productId));
        let stop = () => {};
        release = () => {
          stop();
          giveBack();
        };
        call.on('cancelled', () => release());
        call.on('close', () => release());
        stop = await feed.subscribe((event) => {
          if (ended || !wanted(event)) return;
          call.write(event);
          // In object mode the stream counts the messages it holds that the reader has not taken.
          if (call.writableLength > bufferEvents) dropSlow(call, context.logger, caller.terminalId, end, bufferEvents);
        });
        if (ended || call.cancelled) release();
        // Headers now: a client knows that from here on it misses nothing.
        else call.sendMetadata(new Metadata());
      } catch (error) {
        const serviceError = centerError(error, context.logger, 'WatchAdmissions');
        end(serviceError.code ?? status.INTERNAL, serviceError.details ?? '');
      }
    })();
  };
}

function dropSlow(
  call: Call,
  logger: Logger,
  terminalId: string,
  end: (code: status, details: string) => void,
  bufferEvents: number,
): void {
  logger.warn({ terminalId, waiting: call.writableLength }, 'WatchAdmissions reader too slow: dropped');
  end(
    status.RESOURCE_EXHAUSTED,
    `this stream fell more than ${bufferEvents} events behind, so the center dropped it; reconnect to watch again`,
  );
}
