/**
 * Renders the real kiosk (ink-testing-library) against a real center and
 * charge terminal on port 0 and a real file: card in a temp dir (or any
 * `--card` spec, e.g. a vpcd reader through pcscd), driven through
 * helpers/ink.ts; plus the buyer's usual way through the screens.
 */
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import { openCardReader, type CardReader } from '../../card/index.js';
import { KioskApp } from '../../kiosk/KioskApp.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { driveInk, KEY, type InkDriver } from '../helpers/ink.js';
import { startStack, type Stack, type StackOptions } from '../helpers/stack.js';

export interface KioskDriver extends InkDriver {
  readonly cardPath: string;
  readonly reader: CardReader;
}

export interface RenderKioskOptions {
  readonly idleMs?: number;
  readonly cardPath?: string;
  /** A `--card` spec instead of the file: card at cardPath, e.g. `pcsc:Virtual PCD 00 00`. */
  readonly cardSpec?: string;
  readonly timeZone?: string;
  /** The kiosk's clock, e.g. the center's TestClock. */
  readonly clock?: () => Date;
  readonly statusIntervalMs?: number;
}

export async function renderKiosk(
  t: ExecutionContext,
  center: CenterClient,
  options: RenderKioskOptions = {},
): Promise<KioskDriver> {
  const cardPath = options.cardPath ?? join(tempDir(t), 'buyer.card');
  const reader = await openCardReader(options.cardSpec ?? `file:${cardPath}`);
  const app = render(
    <KioskApp
      center={center}
      reader={reader}
      idleMs={options.idleMs ?? 0}
      timeZone={options.timeZone ?? 'UTC'}
      clock={options.clock}
      statusIntervalMs={options.statusIntervalMs}
    />,
  );
  t.teardown(() => {
    app.unmount();
    return reader.close();
  });
  const driver: KioskDriver = { cardPath, reader, ...driveInk(app) };
  await driver.waitFor('Buy tickets');
  return driver;
}

/** A stack plus a kiosk on it. */
export async function kioskOnStack(
  t: ExecutionContext,
  options: StackOptions = {},
): Promise<{ stack: Stack; kiosk: KioskDriver }> {
  const stack = await startStack(t, options);
  return { stack, kiosk: await renderKiosk(t, stack.kiosk) };
}

export interface PurchaseInput {
  readonly eventName: string;
  readonly quantity?: number;
  readonly name?: string;
  readonly card?: string;
  readonly expiry?: string;
}

/** From Home through to the review screen: the event named `eventName`, `quantity`, a buyer and a credit card. */
export async function fillPurchase(kiosk: KioskDriver, options: PurchaseInput): Promise<string> {
  await openEvent(kiosk, options.eventName);
  return fillOrder(kiosk, options);
}

/** From Home to the quantity screen of the event named `eventName` (which reads the IC card). */
export async function openEvent(kiosk: KioskDriver, eventName: string): Promise<string> {
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Choose an event');
  await kiosk.waitFor(eventName);
  for (let i = 0; i < 20 && !new RegExp(`› ${eventName}`).test(kiosk.frame()); i++) await kiosk.press(KEY.down);
  await kiosk.press(KEY.enter);
  return kiosk.waitFor('How many tickets?');
}

/** From the quantity screen, once the card is read, through to the review screen. */
export async function fillOrder(kiosk: KioskDriver, options: PurchaseInput): Promise<string> {
  await chooseQuantity(kiosk, options.quantity ?? 1);
  await fillBuyer(kiosk, options.name ?? 'Hanako Yamada');
  await fillPayment(kiosk, options);
  return kiosk.waitFor('Check and pay');
}

/** The quantity screen once the IC card is read: the quantity to choose, or why there is none. */
export function cardRead(kiosk: KioskDriver): Promise<string> {
  return kiosk.waitFor(/Tickets: ◀ \d+ ▶|IC card is full|sold out/);
}

/** On the quantity screen: `quantity` typed (or the one shown, when undefined), then on to the buyer details. */
export async function chooseQuantity(kiosk: KioskDriver, quantity?: number): Promise<string> {
  await kiosk.waitFor(/Tickets: ◀ \d+ ▶/);
  if (quantity !== undefined) {
    await kiosk.type(String(quantity));
    await kiosk.waitFor(`◀ ${quantity} ▶`);
  }
  await kiosk.press(KEY.enter);
  return kiosk.waitFor('Your details');
}

/** On the buyer details: `name`, no e-mail, then on to the payment screen. */
export async function fillBuyer(kiosk: KioskDriver, name: string): Promise<string> {
  // Each key waits for the screen to show its effect, so a busy machine cannot send the next one to the previous field.
  await kiosk.type(name);
  await kiosk.waitFor(/Name\s+\S/);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› E-mail');
  await kiosk.press(KEY.enter);
  return kiosk.waitFor('Pay by credit card');
}

/** On the payment screen: the card number, expiry and CVC, each confirmed with Enter. */
async function fillPayment(kiosk: KioskDriver, options: PurchaseInput): Promise<void> {
  const number = options.card ?? '4242424242424242';
  await kiosk.type(number);
  await kiosk.waitFor(number.slice(-4));
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› Expiry');
  await kiosk.type(options.expiry ?? `12${String((new Date().getFullYear() + 2) % 100).padStart(2, '0')}`);
  await kiosk.waitFor(/Expiry\s+\d\d\/\d\d/);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› CVC');
  await kiosk.type('123');
  await kiosk.waitFor(/CVC\s+•••/);
  await kiosk.press(KEY.enter);
}

/** From Home, "Recover an order" with `orderId` and `name` typed as given; resolves once the lookup is sent. */
export async function recoverOrder(kiosk: KioskDriver, orderId: string, name: string): Promise<void> {
  await kiosk.press('3');
  await kiosk.waitFor('Order id');
  await kiosk.type(orderId);
  await kiosk.press(KEY.enter);
  await kiosk.type(name);
  await kiosk.press(KEY.enter);
}
