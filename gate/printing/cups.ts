/**
 * A small Promise adapter over @thiagoelg/node-printer (CUPS). The native
 * module is loaded on first use, so a machine without CUPS libraries still
 * runs the gate and only printing reports the problem. Its calls are
 * synchronous but local (a few ms to cupsd); callers start them only after
 * the verdict is on screen.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * Submits `pdf` as one job; resolves with the CUPS job id.
 *
 * The document goes through a private temporary file and `printFile` (one IPP Print-Job carrying
 * the file with its length), not `printDirect`: printDirect streams the document
 * (cupsStartDocument + cupsWriteRequestData), and cupsd 2.4.2-3+deb12u10, Debian 12's current
 * security update, segfaults on that (../shared/STACK.md). The file is readable by its owner only,
 * because a ticket carries the buyer's name, and is removed once CUPS has accepted (copied) it.
 */
export async function submitJob(printer: string, pdf: Buffer, title: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'cardgate-print-'));
  const filename = join(dir, 'ticket.pdf');
  try {
    await writeFile(filename, pdf, { mode: 0o600 });
    return await new Promise<number>((resolve, reject) => {
      try {
        // `docname` (the job's title) is in node-printer's printFile but not in its types.
        const job: Parameters<NodePrinter['printFile']>[0] & { docname: string } = {
          filename,
          docname: title,
          printer,
          success: (jobId) => resolve(Number(jobId)),
          error: (error) => reject(error),
        };
        nodePrinter().printFile(job);
      } catch (error) {
        reject(error);
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type JobState = 'printed' | 'pending' | 'failed';

/** Where a job is now: printed, still pending or printing, or failed (aborted or cancelled). */
export function jobState(printer: string, jobId: number): JobState {
  const { status } = nodePrinter().getJob(printer, jobId);
  if (status.includes('PRINTED')) return 'printed';
  if (status.includes('ABORTED') || status.includes('CANCELLED')) return 'failed';
  return 'pending';
}
