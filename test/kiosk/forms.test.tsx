/** Validation on the quantity, buyer and payment screens: clear messages, nothing lost, nothing sent (SPEC §2 steps 1-2). */
import test from 'ava';
import { createProduct } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { join } from 'node:path';
import { cardRead, chooseQuantity, fillBuyer, openEvent, renderKiosk } from './kiosk-harness.js';

test('the quantity stops at the seats left', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Tiny Room', capacity: 3 });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Tiny Room');
  const frame = await cardRead(kiosk);
  t.regex(frame, /Up to 3: 3 seats left/);
  await kiosk.press('9');
  await kiosk.waitFor('◀ 3 ▶');
  await kiosk.press(KEY.up);
  t.regex(kiosk.frame(), /◀ 3 ▶/);
});

test('several keys in one terminal read each move the quantity: Up Up Up goes 5 to 8, "2" then Up to 3', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Busy Room', capacity: 50 });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Busy Room');
  await cardRead(kiosk);
  await kiosk.press('5');
  await kiosk.waitFor('◀ 5 ▶');
  await kiosk.type(KEY.up.repeat(3));
  await kiosk.waitFor('◀ 8 ▶');
  await kiosk.type(`2${KEY.up}`);
  await kiosk.waitFor('◀ 3 ▶');
  await kiosk.type(`${KEY.down}${KEY.enter}`);
  await kiosk.waitFor('Your details');
  await kiosk.press(KEY.escape);
  t.regex(await cardRead(kiosk), /◀ 2 ▶/, 'Enter in the same read took the quantity the Down left');
});

test('one seat left reads "1 seat left"', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Last Seat', capacity: 1 });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Last Seat');
  t.regex(await cardRead(kiosk), /Up to 1: 1 seat left,/);
});

test('claim 3: the quantity stops at the room left on the IC card (one card, many tickets), known before paying', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Big Hall', capacity: 500 });
  const { openCardReader } = await import('../../card/index.js');
  const cardPath = join(tempDir(t), 'small.card');
  await (await openCardReader(`file:${cardPath}`, { capacity: 496 })).waitForCard();
  const kiosk = await renderKiosk(t, stack.kiosk, { cardPath });
  await openEvent(kiosk, 'Big Hall');
  const frame = await cardRead(kiosk);
  const room = Number(/room for (\d+) more on your IC card/.exec(frame)?.[1]);
  t.true(room >= 1 && room < 5, frame);
  await kiosk.press('9');
  await kiosk.waitFor(`◀ ${room} ▶`);
});

test('buyer details: a name is required and a bad e-mail is refused, with what was typed kept', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Form Night' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Form Night');
  await chooseQuantity(kiosk);
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Enter your name');
  await kiosk.type('Hanako');
  await kiosk.press(KEY.enter);
  await kiosk.type('hanako@nowhere');
  await kiosk.press(KEY.enter);
  const frame = await kiosk.waitFor('does not look like an e-mail');
  t.regex(frame, /Name\s+Hanako/);
  await kiosk.type('.jp');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Payment');
});

test('payment: Luhn, expiry and CVC are checked here; the number shows masked but the last four once entered', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Pay Night' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Pay Night');
  await chooseQuantity(kiosk);
  await fillBuyer(kiosk, 'Hanako');
  await kiosk.type('4242424242424241');
  await kiosk.waitFor('4242 4242 4242 4241');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('not valid: check the digits');
  await kiosk.press(KEY.backspace);
  await kiosk.type('2');
  await kiosk.press(KEY.enter);
  await kiosk.type('0120');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('This card has expired');
  await kiosk.press(KEY.backspace, KEY.backspace);
  await kiosk.type(String((new Date().getFullYear() + 1) % 100));
  await kiosk.press(KEY.enter);
  await kiosk.type('12');
  await kiosk.press(KEY.enter);
  const frame = await kiosk.waitFor('3 or 4 digit security code');
  t.regex(frame, /•••• •••• •••• 4242/);
  t.regex(frame, /CVC\s+••\s/);
  t.notRegex(frame, /4242 4242/);
  await kiosk.type('3');
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('Check and pay');
});

test('Esc back past payment wipes the card data', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Wipe Night' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Wipe Night');
  await chooseQuantity(kiosk);
  await fillBuyer(kiosk, 'Hanako');
  await kiosk.type('4242424242424242');
  await kiosk.waitFor('4242 4242 4242 4242');
  await kiosk.press(KEY.escape);
  const buyer = await kiosk.waitFor('Your details');
  t.regex(buyer, /Name\s+Hanako/, 'the name is kept');
  await kiosk.press(KEY.enter, KEY.enter);
  const payment = await kiosk.waitFor('Payment');
  t.notRegex(payment, /4242/);
  t.regex(payment, /1234 5678 9012 3456/, 'the empty field shows its placeholder');
});

test('the e-mail field promises no receipt: none is sent', async (t) => {
  const stack = await startStack(t);
  await createProduct(stack.admin, { name: 'Mail Night' });
  const kiosk = await renderKiosk(t, stack.kiosk);
  await openEvent(kiosk, 'Mail Night');
  const details = await chooseQuantity(kiosk);
  t.notRegex(details, /receipt/i);
  t.regex(details, /E-mail[\s\S]*optional: kept with your order for staff; nothing is sent/);
});
