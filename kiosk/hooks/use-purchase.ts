import { useCallback, useEffect, useRef, useState } from 'react';
import type { PurchaseTicketsRequest, PurchaseTicketsResponse } from '../../gen/cardgate/v1/sales.js';
import { describeCenterError, isRetryableError } from '../../terminal/center-errors.js';
import { useKiosk } from '../kiosk-context.js';

export type PurchaseCall =
  | { readonly state: 'sending' }
  /** The answer was lost: the same request (same idempotency key) may be sent again and is never charged twice. */
  | { readonly state: 'retryable'; readonly problem: string }
  /** The center refused the request itself; sending it again would not help. */
  | { readonly state: 'failed'; readonly problem: string };

/**
 * Sends one purchase request on mount and offers `retry`, which sends the
 * very same request object again. The request (with its card data) is
 * dropped as soon as an answer arrives; `onAnswer` gets the outcome.
 */
export function usePurchase(request: PurchaseTicketsRequest, onAnswer: (response: PurchaseTicketsResponse) => void) {
  const { center } = useKiosk();
  const [call, setCall] = useState<PurchaseCall>({ state: 'sending' });
  const inFlight = useRef<PurchaseTicketsRequest | undefined>(request);
  const answered = useRef(onAnswer);
  answered.current = onAnswer;
  const mounted = useRef(true);

  const send = useCallback(() => {
    const pending = inFlight.current;
    if (!pending) return;
    setCall({ state: 'sending' });
    center.purchaseTickets(pending).then(
      (response) => {
        inFlight.current = undefined;
        if (mounted.current) answered.current(response);
      },
      (error: unknown) => {
        if (!mounted.current) return;
        const problem = describeCenterError(error, center.address);
        if (isRetryableError(error)) setCall({ state: 'retryable', problem });
        else {
          inFlight.current = undefined;
          setCall({ state: 'failed', problem });
        }
      },
    );
  }, [center]);

  useEffect(() => {
    mounted.current = true;
    send();
    return () => {
      mounted.current = false;
      inFlight.current = undefined;
    };
  }, [send]);

  return { call, retry: () => (call.state === 'retryable' ? send() : undefined) };
}
