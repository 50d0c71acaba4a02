/**
 * The monitor's one entry point for the CLI: checks that the token is an admin token (a gate's or a
 * kiosk's is refused before anything is drawn), renders <MonitorApp>, and resolves when the operator
 * quits (q or Ctrl+C), with the connection closed.
 */
import { status, type ServiceError } from '@grpc/grpc-js';
import { render } from 'ink';
import { TerminalRole } from '../gen/cardgate/v1/terminal.js';
import { CenterClient, type ClientTls } from '../terminal/center-client.js';
import { MonitorApp } from './MonitorApp.js';
import { refusedTokenWords } from './model/center-trouble.js';

export { MonitorApp, type MonitorAppProps } from './MonitorApp.js';

/** grpc-js waits up to 2 minutes between attempts to reconnect; the operator should see the center back within seconds. */
export const MONITOR_CHANNEL = { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5_000 };

export interface RunMonitorOptions {
  /** The sales center, HOST:PORT (or several, HOST:PORT,HOST:PORT). */
  readonly center: string;
  /** An admin token. */
  readonly token: string;
  readonly tls?: ClientTls;
}

/**
 * Throws the operator's sentence when the center says this token is not an admin's. A center that
 * does not answer is no reason to refuse: the dashboard starts, says so, and checks again once it does.
 */
export async function checkAdminToken(center: CenterClient): Promise<void> {
  let role: TerminalRole;
  try {
    role = (await center.whoAmI()).role;
  } catch (error) {
    if ((error as Partial<ServiceError>).code === status.UNAUTHENTICATED)
      throw new Error(refusedTokenWords(), { cause: error });
    return;
  }
  if (role !== TerminalRole.TERMINAL_ROLE_ADMIN) throw new Error(refusedTokenWords(role));
}

export async function runMonitor(options: RunMonitorOptions): Promise<void> {
  const center = new CenterClient(options.center, options.token, {
    timeoutMs: 5_000,
    tls: options.tls,
    channelOptions: MONITOR_CHANNEL,
  });
  try {
    await checkAdminToken(center);
    const app = render(<MonitorApp center={center} />);
    await app.waitUntilExit();
  } finally {
    center.close();
  }
}
