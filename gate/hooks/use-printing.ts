/**
 * Prints the paper ticket of each admission (claims 7, 15, 18, 24), started
 * only after the verdict is on screen so a slow or missing printer can never
 * delay it; its result is reported per verdict and kept as the last one.
 */
import { useEffect, useState } from 'react';
import type { Phase } from '../flow/gate-state.js';
import type { PrintResult, TicketPrinter } from '../printing/ticket-printer.js';

export type PrintStatus =
  { readonly state: 'printing'; readonly printer: string } | { readonly state: 'done'; readonly result: PrintResult };

export interface Printing {
  /** The status of the paper ticket of the verdict numbered `seq`. */
  readonly of: (seq: number) => PrintStatus | undefined;
  /** The last print that finished. */
  readonly last?: PrintResult;
}

export function usePrinting(printer: TicketPrinter | undefined, phase: Phase, gateId: string): Printing {
  const [jobs, setJobs] = useState<ReadonlyMap<number, PrintStatus>>(new Map());
  const [last, setLast] = useState<PrintResult>();
  const admission =
    phase.kind === 'verdict' && !phase.dryRun && phase.outcome.kind === 'answer' && phase.outcome.response.admitted
      ? phase
      : undefined;

  useEffect(() => {
    if (!printer || !admission) return;
    const { seq, card, highlighted } = admission;
    const set = (status: PrintStatus) => setJobs((jobs) => new Map(jobs).set(seq, status));
    set({ state: 'printing', printer: printer.name });
    // A macrotask later: Ink has drawn the verdict before CUPS is touched.
    setTimeout(() => {
      void printer.print({ ticket: card.tickets[highlighted]!, gateId, admittedAt: new Date() }).then((result) => {
        set({ state: 'done', result });
        setLast(result);
      });
    }, 30);
    // Never cancelled: an admission's ticket is printed even when the attendant moves on.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the verdict's number only: one print per admission
  }, [printer, admission?.seq]);

  return { of: (seq) => jobs.get(seq), last };
}
