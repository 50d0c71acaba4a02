/** Flag defaults shared by commands: each flag falls back to its environment variable (SPEC §5), then to a default. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { pino, type Logger } from 'pino';
import { clientTlsFlags } from './tls/transport-flags.js';

export const DEFAULT_CENTER = '127.0.0.1:50051';

export const DEFAULT_DB = 'sqlite:./data/center.sqlite';

export const env = {
  center: () => process.env.CARDGATE_CENTER ?? DEFAULT_CENTER,
  card: () => process.env.CARDGATE_CARD,
  gateId: () => process.env.CARDGATE_GATE_ID,
  printer: () => process.env.CARDGATE_PRINTER,
};

/**
 * `--token`, read from CARDGATE_TOKEN by commander at parse time. Never a default value: commander
 * prints defaults in every --help and usage error, and the token is a secret.
 */
export function tokenOption(description: string): Option {
  return new Option('--token <token>', description).env('CARDGATE_TOKEN');
}

/** `--db`, read from CARDGATE_DB at parse time, so a PostgreSQL URL with its password never shows in --help. */
export function dbOption(): Option {
  return new Option('--db <spec>', 'sqlite:PATH or postgres://…').env('CARDGATE_DB').default(DEFAULT_DB);
}

export function requireToken(token: string | undefined): string {
  if (!token)
    throw new Error('no token: pass --token or set CARDGATE_TOKEN (create one with `cardgate admin token create`)');
  return token;
}

/** The flags every terminal UI takes: where the center is, the terminal's token, and its card reader. */
export function terminalFlags(command: Command, role: 'kiosk' | 'gate'): Command {
  return clientTlsFlags(
    command
      .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
      .addOption(tokenOption(`a ${role} token`))
      .option('--card <spec>', 'the card reader: file:PATH, pcsc or pcsc:READER (env CARDGATE_CARD)', env.card()),
  );
}

export function requireCard(spec: string | undefined): string {
  if (!spec) throw new Error('no card reader: pass --card file:PATH (or pcsc) or set CARDGATE_CARD');
  return spec;
}

/** The largest value of a protobuf int32 field, where most counts travel. */
export const MAX_INT32 = 2 ** 31 - 1;

/**
 * A commander argParser for a whole number from `min` to `max`, naming the flag when it is not one, so that
 * "abc", "2.5" or "0" is refused where it is parsed instead of reaching the wire.
 */
export function wholeNumber(flag: string, min = 0, max = MAX_INT32): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < min)
      throw new InvalidArgumentError(`${flag} must be a whole number of at least ${min}, not ${JSON.stringify(value)}`);
    if (number > max)
      throw new InvalidArgumentError(`${flag} must be a whole number of at most ${max}, not ${JSON.stringify(value)}`);
    return number;
  };
}

/** JSON logs to stdout, or to a file when a UI owns the terminal. */
export function createLogger(file?: string): Logger {
  const level = process.env.LOG_LEVEL ?? 'info';
  return file ? pino({ level }, pino.destination({ dest: file, mkdir: true, sync: false })) : pino({ level });
}

/** Runs until SIGINT or SIGTERM, then calls stop once. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
