/**
 * Child processes of a bench run, awaited by the line they print and sampled
 * for memory and CPU. They run the compiled JavaScript of `npm run build`
 * (dist/), as a production center would: under tsx, each would also carry
 * tsx's loader thread (about 37 MB) and compile at start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** The compiled form of a source file of this checkout: cli/main.ts → dist/cli/main.js. */
const compiled = (source: string) => join(ROOT, 'dist', relative(ROOT, source).replace(/\.tsx?$/, '.js'));
export const CLI = join(ROOT, 'cli/main.ts');

export interface Started {
  readonly child: ChildProcess;
  readonly address: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns the compiled SCRIPT with ARGS and resolves once stderr shows `listening on HOST:PORT`. */
export function startListening(script: string, args: string[], nodeArgs: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [...nodeArgs, compiled(script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let text = '';
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${text}`)), 60_000);
    const onData = () => {
      const match = /listening on (\S+)/.exec(text);
      if (!match) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      resolve({
        child,
        address: match[1]!,
        stderr: () => text,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}: ${text}`));
    });
  });
}

/**
 * Runs the load generator with a plan and resolves with the JSON it prints; onMeasuring runs when its warm-up is
 * over. BENCH_LOAD_NODE_ARGS (e.g. "--cpu-prof") go to its node, as BENCH_CENTER_NODE_ARGS go to the center's.
 */
export function runLoad<T>(plan: object, onMeasuring?: () => void): Promise<T> {
  const nodeArgs = process.env.BENCH_LOAD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, compiled(join(ROOT, 'bench/load.ts')), JSON.stringify(plan)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.on('message', (message) => message === 'measuring' && onMeasuring?.());
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`load generator exited with ${code}: ${err}`)),
    ),
  );
}

/** Samples VmRSS of a process every intervalMs; stop() returns the peak in MB. */
export function sampleRss(pid: number, intervalMs = 100): { peakMb(): number; stop(): number } {
  let peakKb = 0;
  const read = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process ended
    }
  };
  read();
  const timer = setInterval(read, intervalMs);
  return {
    peakMb: () => peakKb / 1024,
    stop: () => {
      clearInterval(timer);
      read();
      return peakKb / 1024;
    },
  };
}

/** Asks the center for its handler timings since the last ask (SIGUSR2) and waits for the line. */
export async function handlerTimings(
  center: Started,
): Promise<Record<string, { count: number; p50Ms: number; p99Ms: number; maxMs: number }> & { memory?: object }> {
  const before = center.stderr().length;
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (waited % 1_000 === 0) center.child.kill('SIGUSR2'); // again after a second: a signal can race start-up
    const match = /handler timings (\{.*\})\n/.exec(center.stderr().slice(before));
    if (match) return JSON.parse(match[1]!);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the center did not report its handler timings: ${center.stderr().slice(-2000)}`);
}

/** CPU seconds (user + system) a process has used so far, from /proc: unlike throughput, it holds steady when other work shares the machine. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second on Linux)
}
