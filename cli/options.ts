/** Flag defaults shared by commands: each flag falls back to its environment variable (SPEC §5), then to a default. */
import { pino, type Logger } from 'pino';

export const DEFAULT_CENTER = '127.0.0.1:50051';

export const env = {
  center: () => process.env.CARDGATE_CENTER ?? DEFAULT_CENTER,
  token: () => process.env.CARDGATE_TOKEN,
  db: () => process.env.CARDGATE_DB ?? 'sqlite:./data/center.sqlite',
  card: () => process.env.CARDGATE_CARD,
  gateId: () => process.env.CARDGATE_GATE_ID,
  printer: () => process.env.CARDGATE_PRINTER,
};

export function requireToken(token: string | undefined): string {
  if (!token) throw new Error('no token: pass --token or set CARDGATE_TOKEN (create one with `cardgate admin token create`)');
  return token;
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
