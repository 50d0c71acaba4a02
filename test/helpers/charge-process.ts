/**
 * The charge-transfer terminal as a real child process (`cardgate charge`),
 * for tests that kill it (SIGKILL) and start it again on the same ledger file
 * and the same address, as a restarted terminal would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { startCardgate } from './cli.js';
import { waitUntil } from './wait.js';

export interface ChargeProcess {
  /** HOST:PORT it listens on; the same after restart(). */
  readonly address: string;
  /** The ledger's SQLite file. */
  readonly ledgerPath: string;
  /** SIGKILL, as a crash or a power cut would stop it; resolves once the process is gone. */
  kill(): Promise<void>;
  /** A new process on the same ledger file and address (after kill()). */
  restart(): Promise<void>;
  /** What the current process printed so far (its log lines too, at LOG_LEVEL from `env`). */
  output(): string;
}

/** Starts `cardgate charge` on a free port with a ledger file in a temp dir; killed at teardown. */
export async function startChargeProcess(
  t: ExecutionContext,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ChargeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-charge-'));
  const ledgerPath = join(dir, 'charge.sqlite');
  let current = await spawnCharge('127.0.0.1:0', ledgerPath, extraArgs, env);
  const address = current.address;
  t.teardown(async () => {
    await current.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    address,
    ledgerPath,
    kill: () => current.kill(),
    async restart() {
      current = await spawnCharge(address, ledgerPath, extraArgs, env);
    },
    output: () => current.output(),
  };
}

async function spawnCharge(listen: string, ledgerPath: string, extraArgs: string[], env: NodeJS.ProcessEnv) {
  const { child, output } = startCardgate(['charge', '--listen', listen, '--db', ledgerPath, ...extraArgs], env);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const match = await waitUntil(
    'the charge terminal to listen',
    () => {
      if (gone) throw new Error(`cardgate charge exited: ${output()}`);
      return /listening on (\S+)/.exec(output()) ?? undefined;
    },
    { timeoutMs: 60_000, everyMs: 50, seen: output },
  );
  return {
    address: match[1]!,
    output,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}
