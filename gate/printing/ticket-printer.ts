/**
 * Prints a paper ticket on admission through a CUPS queue, and says in words
 * what happened. Never throws: a printer that is missing, stopped or failing
 * is a result to show, because printing must never hold up admission.
 */
import { listQueues, jobState, submitJob } from './cups.js';
import { ticketPdf, type PrintedTicket } from './ticket-pdf.js';

export type PrintResult =
  | {
      readonly ok: true;
      readonly printer: string;
      readonly jobId: number;
      readonly printed: boolean;
      readonly words: string;
    }
  | { readonly ok: false; readonly printer: string; readonly words: string };

export interface TicketPrinter {
  /** The CUPS queue name, shown on screen. */
  readonly name: string;
  print(ticket: PrintedTicket): Promise<PrintResult>;
}

export interface CupsTicketPrinterOptions {
  /** How long to watch the job for "printed" before reporting it as sent. */
  readonly watchMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CupsTicketPrinter implements TicketPrinter {
  constructor(
    readonly name: string,
    private readonly options: CupsTicketPrinterOptions = {},
  ) {}

  async print(ticket: PrintedTicket): Promise<PrintResult> {
    const fail = (words: string): PrintResult => ({ ok: false, printer: this.name, words });
    try {
      const problem = this.problem();
      if (problem) return fail(problem.words);
      const pdf = await ticketPdf(ticket);
      const jobId = await submitJob(this.name, pdf, `Ticket ${ticket.ticket.ticket?.ticketId}`);
      return await this.watch(jobId);
    } catch (error) {
      return fail(`Printing on ${this.name} failed: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }

  /**
   * What is wrong with the queue, or undefined when it can print. Checked before each job (CUPS answers an
   * unknown queue with a misleading "No such file or directory") and at the gate's start-up.
   */
  problem(): { readonly unknown: boolean; readonly words: string } | undefined {
    const queues = listQueues();
    const queue = queues.find((q) => q.name === this.name);
    if (!queue) {
      const known = queues.length
        ? `known printers: ${queues.map((q) => q.name).join(', ')}`
        : 'CUPS knows no printers';
      return { unknown: true, words: `Printer ${this.name} not found (${known}).` };
    }
    if (queue.stopped)
      return {
        unknown: false,
        words: `Printer ${this.name} is stopped (${queue.reasons}): restart it with cupsenable ${this.name}.`,
      };
    return undefined;
  }

  private async watch(jobId: number): Promise<PrintResult> {
    const deadline = Date.now() + (this.options.watchMs ?? 10_000);
    for (;;) {
      const state = jobState(this.name, jobId);
      if (state === 'printed')
        return { ok: true, printer: this.name, jobId, printed: true, words: `Paper ticket printed on ${this.name}.` };
      if (state === 'failed')
        return {
          ok: false,
          printer: this.name,
          words: `Printer ${this.name} gave up on the paper ticket (job ${jobId}).`,
        };
      if (Date.now() > deadline)
        return {
          ok: true,
          printer: this.name,
          jobId,
          printed: false,
          words: `Paper ticket sent to ${this.name} (job ${jobId}), not printed yet.`,
        };
      await pause(250);
    }
  }
}
