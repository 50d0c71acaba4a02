import { useEffect, useState } from 'react';
import type { CardContents } from '../../card/index.js';
import type { RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { describeCenterError } from '../../terminal/center-errors.js';
import { useKiosk } from '../kiosk-context.js';

export interface TicketChecks {
  readonly state: 'idle' | 'checking' | 'done' | 'failed';
  /** One answer per ticket on the card, in card order. */
  readonly results: readonly RedeemTicketResponse[];
  readonly problem?: string;
}

/** Asks the center which tickets on the card are valid, used, expired (a check only: nothing is recorded). */
export function useTicketChecks(
  cardId: string | undefined,
  contents: CardContents | undefined,
  attempt: number,
): TicketChecks {
  const { center } = useKiosk();
  const [checks, setChecks] = useState<TicketChecks>({ state: 'idle', results: [] });
  useEffect(() => {
    if (!cardId || !contents) return;
    if (contents.image.tickets.length === 0) return setChecks({ state: 'done', results: [] });
    let cancelled = false;
    setChecks({ state: 'checking', results: [] });
    center.checkTickets({ gateId: '', cardId, tickets: contents.image.tickets }).then(
      (results) => !cancelled && setChecks({ state: 'done', results }),
      (error: unknown) =>
        !cancelled && setChecks({ state: 'failed', results: [], problem: describeCenterError(error, center.address) }),
    );
    return () => {
      cancelled = true;
    };
  }, [center, cardId, contents, attempt]);
  return checks;
}
