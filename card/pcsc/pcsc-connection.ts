/**
 * One connection to the card on a PC/SC reader: APDUs in, status-checked
 * answers out, as Promises. It counts APDUs and their time so the benchmark
 * can say where card time goes.
 */
import { CardError } from '../card-error.js';
import { MAX_RESPONSE_BYTES, parseResponse, type Response } from './apdu.js';
import { pcscError } from './pcsc-errors.js';
import type { PcscReader } from './pcsc-types.js';

export interface ApduStats {
  count: number;
  ms: number;
}

export class PcscConnection {
  /** Set when the reader reports the card gone: later APDUs fail at once with NO_CARD. */
  private gone = false;
  readonly stats: ApduStats = { count: 0, ms: 0 };

  private constructor(
    readonly reader: PcscReader,
    private readonly protocol: number,
  ) {}

  /** Connects (shared, so a help-desk `card show` can read while a kiosk waits) to the card on `reader`. */
  static open(reader: PcscReader): Promise<PcscConnection> {
    return new Promise((resolve, reject) => {
      reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (error, protocol) => {
        if (error) reject(pcscError(error, 'connect'));
        else resolve(new PcscConnection(reader, protocol));
      });
    });
  }

  /** Sends one APDU; rejects with a CardError (NO_CARD when the card was taken away). */
  transmit(apdu: Buffer, operation: 'read' | 'write'): Promise<Response> {
    if (this.gone) return Promise.reject(pcscError(new Error('card removed (0x80100069)'), operation));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      this.reader.transmit(apdu, MAX_RESPONSE_BYTES, this.protocol, (error, response) => {
        this.stats.count++;
        this.stats.ms += performance.now() - started;
        if (error) return reject(pcscError(error, operation));
        // vpcd (and some readers) answer nothing at all when the card left during the command.
        if (response.length < 2) return reject(pcscError(new Error('no answer: card removed (0x80100069)'), operation));
        try {
          resolve(parseResponse(response));
        } catch (cause) {
          reject(cause instanceof CardError ? cause : pcscError(cause, operation));
        }
      });
    });
  }

  /** The reader saw the card leave. */
  markGone(): void {
    this.gone = true;
  }

  /** Releases the card; deferred, because pcsclite hangs when called from inside one of its own callbacks. */
  close(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        if (!this.reader.connected) return resolve();
        this.reader.disconnect(this.reader.SCARD_LEAVE_CARD, () => resolve());
      }),
    );
  }
}
