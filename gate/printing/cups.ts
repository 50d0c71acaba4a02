/**
 * A small Promise adapter over @thiagoelg/node-printer (CUPS). The native
 * module is loaded on first use, so a machine without CUPS libraries still
 * runs the gate and only printing reports the problem. Its calls are
 * synchronous but local (a few ms to cupsd); callers start them only after
 * the verdict is on screen.
 */
import { createRequire } from 'node:module';

type NodePrinter = typeof import('@thiagoelg/node-printer');

let loaded: NodePrinter | undefined;
function nodePrinter(): NodePrinter {
  loaded ??= createRequire(import.meta.url)('@thiagoelg/node-printer') as NodePrinter;
  return loaded;
}

export interface CupsQueue {
  readonly name: string;
  /** IPP printer-state: 3 idle, 4 processing, 5 stopped. */
  readonly stopped: boolean;
  /** Why it is stopped or what it is waiting for, e.g. "paused" or "media-empty". */
  readonly reasons: string;
}

/** Every CUPS queue this machine knows. */
export function listQueues(): CupsQueue[] {
  return nodePrinter()
    .getPrinters()
    .map((printer) => ({
      name: printer.name,
      stopped: printer.options['printer-state'] === '5' || (printer as { status?: string }).status === 'STOPPED',
      reasons: printer.options['printer-state-reasons'] ?? 'none',
    }));
}

/** Submits `data` as one job; resolves with the CUPS job id. */
export function submitJob(printer: string, data: Buffer, type: 'PDF' | 'RAW' | 'TEXT', title: string): Promise<number> {
  return new Promise((resolve, reject) => {
    try {
      nodePrinter().printDirect({
        data,
        printer,
        type,
        options: { 'job-name': title },
        success: (jobId) => resolve(Number(jobId)),
        error: (error) => reject(error),
      });
    } catch (error) {
      reject(error);
    }
  });
}

export type JobState = 'printed' | 'pending' | 'failed';

/** Where a job is now: printed, still pending or printing, or failed (aborted or cancelled). */
export function jobState(printer: string, jobId: number): JobState {
  const { status } = nodePrinter().getJob(printer, jobId);
  if (status.includes('PRINTED')) return 'printed';
  if (status.includes('ABORTED') || status.includes('CANCELLED')) return 'failed';
  return 'pending';
}
