/**
 * Leaving a locked kiosk (`cardgate kiosk` without --unlocked): a buyer
 * cannot quit it (Ctrl+C, Ctrl+Z and Esc do nothing), staff press Ctrl+X
 * three times and type an admin token, which the center must confirm
 * (WhoAmI answers role admin) before the kiosk exits. The token is checked
 * on its own connection and forgotten with the screen.
 */
import { TerminalRole } from '../gen/cardgate/v1/terminal.js';
import { CenterClient, type ClientTls } from '../terminal/center-client.js';
import { describeCenterError } from '../terminal/center-errors.js';

/** Ctrl+X pressed this many times within STAFF_SEQUENCE_MS opens the staff exit. */
export const STAFF_PRESSES = 3;
export const STAFF_SEQUENCE_MS = 3_000;

export type StaffCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Asks the center whether `token` is an admin token. */
export type StaffTokenCheck = (token: string) => Promise<StaffCheck>;

/** The check against the center at `address`, as `cardgate kiosk` runs it. */
export function staffTokenCheck(address: string, tls: ClientTls | undefined): StaffTokenCheck {
  return async (token) => {
    const center = new CenterClient(address, token.trim(), { tls, timeoutMs: 5_000 });
    try {
      const me = await center.whoAmI();
      return me.role === TerminalRole.TERMINAL_ROLE_ADMIN
        ? { ok: true }
        : { ok: false, problem: 'This is not an admin token: only staff with an admin token can close the kiosk.' };
    } catch (error) {
      return { ok: false, problem: describeCenterError(error, address) };
    } finally {
      center.close();
    }
  };
}

/** The times of the last Ctrl+X presses, and whether they now make the sequence. */
export function staffSequence(presses: readonly number[], now: number): { presses: number[]; complete: boolean } {
  const recent = [...presses, now].filter((at) => now - at <= STAFF_SEQUENCE_MS).slice(-STAFF_PRESSES);
  return recent.length >= STAFF_PRESSES ? { presses: [], complete: true } : { presses: recent, complete: false };
}
