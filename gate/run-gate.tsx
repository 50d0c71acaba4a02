/**
 * The gate console's one entry point for the CLI and the `npm start`
 * launcher: opens the card reader, the center client and the printer, renders
 * <GateApp>, and resolves when the attendant quits (q or Ctrl+C), with
 * everything it opened closed again.
 */
import { render } from 'ink';
import { openCardReader } from '../card/open-card-reader.js';
import { CenterClient, type ClientTls } from '../terminal/center-client.js';
import { GateApp } from './GateApp.js';
import { OfflineGate } from './offline/offline-gate.js';
import { CupsTicketPrinter } from './printing/ticket-printer.js';

export { GateApp, type GateAppProps } from './GateApp.js';

export interface RunGateOptions {
  /** The sales center, HOST:PORT. */
  readonly center: string;
  /** A gate token. */
  readonly token: string;
  /** The card reader: file:PATH, pcsc or pcsc:READER. */
  readonly cardSpec: string;
  readonly gateId: string;
  /** A CUPS printer name: print a paper ticket on each admission. */
  readonly print?: string;
  /** TLS towards the center (SPEC §8); plain text, on loopback only, without. */
  readonly tls?: ClientTls;
  /** Seconds a verdict stays on screen (default 8). */
  readonly verdictSeconds?: number;
  /** The off-line journal (SPEC §9); default ./data/gate-<gate-id>.journal. */
  readonly journal?: string;
  /** Entry (default) or exit (SPEC §10). */
  readonly direction?: 'entry' | 'exit';
}

/** Where a gate keeps its journal unless told. */
export const defaultJournalPath = (gateId: string) => `./data/gate-${gateId.replace(/[^A-Za-z0-9._-]/g, '_')}.journal`;

export async function runGate(options: RunGateOptions): Promise<void> {
  if (!options.gateId.trim()) throw new Error('--gate-id is required, for example --gate-id G1');
  const printer = options.print ? new CupsTicketPrinter(options.print) : undefined;
  // A printer CUPS does not know is a typo to fix now, not a surprise at the first admission.
  const problem = printer?.problem();
  if (problem?.unknown) throw new Error(`--print ${options.print}: ${problem.words}`);
  const gateId = options.gateId.trim();
  const reader = await openCardReader(options.cardSpec);
  const center = new CenterClient(options.center, options.token, { timeoutMs: 5_000, tls: options.tls });
  // A journal that cannot be opened stops the gate before anything is drawn: it could not decide off line.
  const offline = await OfflineGate.open({
    center,
    gateId,
    journalPath: options.journal ?? defaultJournalPath(gateId),
  }).catch(async (error: unknown) => {
    center.close();
    await reader.close();
    throw error;
  });
  try {
    const app = render(
      <GateApp
        center={center}
        reader={reader}
        gateId={gateId}
        printer={printer}
        verdictSeconds={options.verdictSeconds}
        offline={offline}
        direction={options.direction}
      />,
    );
    await app.waitUntilExit();
  } finally {
    await offline.close();
    center.close();
    await reader.close();
  }
}
