/**
 * The vpcd wire protocol, card side. pcscd's vpcd driver listens on TCP
 * (35963 for `Virtual PCD 00 00`, 35964 for `Virtual PCD 00 01`); a virtual
 * card is a TCP client of it. Every message is a 2-byte big-endian length
 * and a payload: a 1-byte payload is a control message (0 power off, 1 power
 * on, 2 reset, 4 "send your ATR", answered with the ATR), anything longer is
 * a command APDU, answered with the response APDU. Connecting = card put on
 * the reader; closing = card taken off.
 */
import { connect, type Socket } from 'node:net';

export const VPCD_PORT = 35963;
const CTRL_ATR = 0x04;

export interface VpcdHandlers {
  /** The ATR to send when vpcd asks for it. */
  readonly atr: Buffer;
  /** Answers one APDU; return undefined to send nothing (the card was pulled). */
  apdu(command: Buffer): Buffer | undefined;
}

export interface VpcdLink {
  readonly socket: Socket;
  /** Resolves when the connection is gone, for whatever reason. */
  readonly closed: Promise<void>;
}

/** Connects to vpcd; rejects with a message naming pcscd when nothing listens there. */
export function connectVpcd(
  host: string,
  port: number,
  handlers: VpcdHandlers,
  noDelay = true,
  apduDelayMs = 0,
): Promise<VpcdLink> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay });
    let pending: Buffer = Buffer.alloc(0);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    const send = (payload: Buffer) => {
      const frame = Buffer.alloc(2 + payload.length);
      frame.writeUInt16BE(payload.length, 0);
      payload.copy(frame, 2);
      socket.write(frame);
    };
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        if (length === 1) {
          // Power off / on / reset need no answer; the memory survives them like a real tag's.
          if (message[0] === CTRL_ATR) send(handlers.atr);
        } else if (length > 1) {
          const answer = handlers.apdu(Buffer.from(message));
          if (!answer) return;
          // vpcd sends the next command only after this answer, so a delayed answer keeps the order.
          if (apduDelayMs > 0) setTimeout(() => socket.destroyed || send(answer), apduDelayMs);
          else send(answer);
        }
      }
    });
    socket.once('connect', () => {
      socket.on('error', () => socket.destroy());
      resolve({ socket, closed });
    });
    // Only matters before 'connect': a settled promise ignores it afterwards.
    socket.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          `cannot reach the vpcd virtual reader at ${host}:${port} (${error.code ?? error.message}): is pcscd running with vsmartcard-vpcd installed?`,
          { cause: error },
        ),
      );
    });
  });
}
