/**
 * The parts of pcsclite's objects the driver uses. pcsclite's own typings
 * do not export its PCSCLite and CardReader interfaces, so the driver names
 * what it needs here (structurally compatible with them).
 */
import type { EventEmitter } from 'node:events';

export interface PcscStatus {
  readonly state: number;
  readonly atr?: Buffer;
}

export interface PcscReader extends EventEmitter {
  readonly name: string;
  readonly connected: boolean;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_UNPOWER_CARD: number;
  connect(
    options: { share_mode?: number; protocol?: number },
    callback: (error: unknown, protocol: number) => void,
  ): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  transmit(
    data: Buffer,
    responseLength: number,
    protocol: number,
    callback: (error: unknown, response: Buffer) => void,
  ): void;
  close(): void;
}

export interface PcscLite extends EventEmitter {
  close(): void;
}
