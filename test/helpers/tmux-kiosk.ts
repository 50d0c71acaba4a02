/** The keys a buyer presses at `cardgate kiosk` in tmux (helpers/tmux.ts), for the end-to-end tests that drive it. */
import type { TmuxSession } from './tmux.js';

/**
 * From the quantity screen at 1 ticket: two tickets, the buyer's name, a test
 * credit card (4242…, expiring in three years, CVC 321). Each step waits for
 * the screen it leads to. Resolves with the review screen, before Enter pays.
 */
export async function orderTwoAndFillPayment(kiosk: TmuxSession, buyerName: string): Promise<string> {
  await kiosk.press('Up');
  await kiosk.waitFor('Tickets: ◀ 2 ▶');
  await kiosk.press('Enter');
  await kiosk.waitFor('Your details');
  await kiosk.type(buyerName);
  await kiosk.waitFor(new RegExp(`Name\\s+${buyerName}`));
  await kiosk.press('Enter');
  await kiosk.waitFor('› E-mail');
  await kiosk.press('Enter');
  await kiosk.waitFor('Pay by credit card');
  await kiosk.type('4242424242424242');
  await kiosk.waitFor('4242 4242 4242 4242');
  await kiosk.press('Enter');
  await kiosk.waitFor('› Expiry');
  await kiosk.type(`12${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`);
  await kiosk.waitFor(/Expiry\s+12\/\d\d/);
  await kiosk.press('Enter');
  await kiosk.waitFor('› CVC');
  await kiosk.type('321');
  await kiosk.waitFor(/CVC\s+•••/);
  await kiosk.press('Enter');
  return kiosk.waitFor('Press Enter to pay');
}
