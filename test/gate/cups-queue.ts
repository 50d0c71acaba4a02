/**
 * A real CUPS queue for printing tests (STACK.md): a raw queue to a TCP
 * socket this test listens on, so every job's bytes arrive here. Fails (never
 * skips) when CUPS cannot be reached, so CI with CI=true notices a missing cupsd.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { waitUntil, withDeadline } from '../helpers/wait.js';

export interface TestQueue {
  readonly name: string;
  /** Resolves with the bytes of the next job the printer receives; rejects, saying what CUPS reports, after timeoutMs. */
  nextJob(timeoutMs?: number): Promise<Buffer>;
}

/** `lpstat -r`: is the CUPS scheduler running? (cupsd 2.4.2-3+deb12u10 crashed on streamed jobs.) */
export function cupsRunning(): boolean {
  try {
    return execFileSync('lpstat', ['-r'], { encoding: 'utf8' }).includes('scheduler is running');
  } catch {
    return false;
  }
}

/** Starts cupsd when it is installed but not running (root only), as .ci/prepare does. */
async function ensureCups(): Promise<void> {
  if (cupsRunning()) return;
  try {
    execFileSync('sh', ['-c', 'mkdir -p /run/cups && cupsd'], { stdio: 'ignore' });
  } catch {
    // reported below
  }
  await waitUntil('the CUPS scheduler to run', cupsRunning, { timeoutMs: 5_000, everyMs: 100 }).catch(() => {
    throw new Error(
      'CUPS is not running and could not be started: install cups and run `mkdir -p /run/cups && cupsd` (as .ci/prepare test does)',
    );
  });
}

export async function rawQueue(t: ExecutionContext): Promise<TestQueue> {
  await ensureCups();
  const received: Buffer[] = [];
  const waiting: Array<(job: Buffer) => void> = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      sockets.delete(socket);
      const job = Buffer.concat(chunks);
      const waiter = waiting.shift();
      if (waiter) waiter(job);
      else received.push(job);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const name = `cardgate-test-${randomUUID().slice(0, 8)}`;
  execFileSync('lpadmin', ['-p', name, '-E', '-v', `socket://127.0.0.1:${port}`, '-m', 'raw'], { stdio: 'ignore' });
  t.teardown(async () => {
    if (cupsRunning()) execFileSync('lpadmin', ['-x', name], { stdio: 'ignore' });
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    name,
    nextJob: (timeoutMs = 15_000) => {
      const job = received.shift();
      if (job) return Promise.resolve(job);
      let waiter: (job: Buffer) => void = () => {};
      const arrived = new Promise<Buffer>((resolve) => waiting.push((waiter = resolve)));
      return withDeadline(`the next job on CUPS queue ${name}`, arrived, timeoutMs, () => queueReport(name)).finally(
        () => {
          const index = waiting.indexOf(waiter);
          if (index >= 0) waiting.splice(index, 1);
        },
      );
    },
  };
}

/** What CUPS says about the scheduler and a queue's jobs, for a failure message. */
function queueReport(name: string): string {
  const run = (...args: string[]) => {
    try {
      return execFileSync('lpstat', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (error) {
      return `lpstat ${args.join(' ')}: ${(error as Error).message.trim()}`;
    }
  };
  return [run('-r'), run('-p', name), run('-W', 'all', '-o', name)].join('\n');
}

/** The text of a PDF, through poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-pdf-'));
  try {
    const file = join(dir, 'job.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
