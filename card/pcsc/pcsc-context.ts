/**
 * One pcsclite context: the readers pcscd knows, as they come and go. The
 * native module is loaded only here, on first use, so `file:` cards work on
 * a machine without pcsclite. Closing follows pcsclite's rules: never from
 * inside one of its callbacks (deferred with setImmediate), every reader
 * first and then the context, with an error handler kept attached because
 * closing reports "Command cancelled".
 */
import { CardError } from '../card-error.js';
import { noService, pcscCode } from './pcsc-errors.js';
import type { PcscLite, PcscReader } from './pcsc-types.js';

/** How long to wait for pcscd to list its readers before saying there are none. */
const DISCOVERY_MS = 2_000;

export class PcscContext {
  readonly readers = new Map<string, PcscReader>();
  /** One promise per reader, settled at its first status (or error, or end). */
  private readonly settled: Promise<void>[] = [];
  private closed = false;

  private constructor(private readonly pcsc: PcscLite) {}

  /** Starts a context and waits for pcscd's first list of readers; NO_READER when pcscd is not running or lists none. */
  static async open(onReader: (reader: PcscReader) => void): Promise<PcscContext> {
    let pcsclite: () => PcscLite;
    try {
      pcsclite = (await import('pcsclite')).default as unknown as () => PcscLite;
    } catch (cause) {
      throw new CardError(
        'NOT_SUPPORTED',
        'The PC/SC card driver is not available in this installation (pcsclite did not load; it needs libpcsclite). Use --card file:PATH.',
        { cause },
      );
    }
    const context = new PcscContext(pcsclite());
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new CardError(
              'NO_READER',
              'No card reader is connected (pcscd lists none). Connect a reader, or install vsmartcard-vpcd for the virtual one.',
            ),
          ),
        DISCOVERY_MS,
      );
      context.pcsc.on('error', (error: unknown) => {
        if (context.closed) return;
        clearTimeout(timer);
        reject(
          pcscCode(error) === 0x8010002e
            ? new CardError('NO_READER', 'No card reader is connected. Connect a reader and try again.', {
                cause: error,
              })
            : noService(error),
        );
      });
      context.pcsc.on('reader', (reader: PcscReader) => {
        context.readers.set(reader.name, reader);
        // A reader closed before its first status arrives keeps a native handle alive and the process never exits.
        context.settled.push(
          new Promise((done) => ['status', 'error', 'end'].forEach((event) => reader.once(event, () => done()))),
        );
        reader.on('error', () => {});
        reader.once('end', () => context.readers.delete(reader.name));
        onReader(reader);
        // pcsclite announces every reader of one listing in the same tick.
        clearTimeout(timer);
        setImmediate(() => void Promise.all(context.settled).then(() => resolve()));
      });
    }).catch(async (error) => {
      await context.close();
      throw error;
    });
    return context;
  }

  get names(): string[] {
    return [...this.readers.keys()];
  }

  /** Closes every reader, then the context; the process can exit afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.race([
      Promise.all(this.settled),
      new Promise((resolve) => setTimeout(resolve, DISCOVERY_MS).unref()),
    ]);
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        for (const reader of this.readers.values()) reader.close();
        this.pcsc.close();
        resolve();
      }),
    );
  }
}

/** The names of the readers pcscd lists now (for messages, tests and `card emulate`). */
export async function listPcscReaders(): Promise<string[]> {
  const context = await PcscContext.open(() => {});
  const names = context.names;
  await context.close();
  return names;
}
