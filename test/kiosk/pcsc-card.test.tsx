/**
 * The kiosk over `--card pcsc`: the real pcscd, vpcd's reader and the
 * project's emulated card (claims 8, 11, 13: the kiosk writes the tickets and
 * the buyer identification onto an IC card with a card writer, reads them back
 * and shows them to the buyer). The kiosk asks for the card when none is on
 * the reader, and a card pulled off during the write ends on "present the
 * card again" with the order kept, never on a garbled card.
 */
import { join } from 'node:path';
import { openFileCard } from '../../card/file-card.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { createProduct } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { insertCard, nextCardOff, pcscTest, READER_0, waitForCard } from '../helpers/pcsc.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { buyOnto } from '../gate/gate-fixtures.js';
import { fillOrder, openEvent, renderKiosk } from './kiosk-harness.js';

const ticketIds = (tickets: ReadonlyArray<{ ticket?: { ticketId: string } }>) =>
  tickets.map((ticket) => ticket.ticket?.ticketId);

/** The center's order for the event named `eventName`, tickets and card id included. */
async function orderFor(stack: Stack, eventName: string) {
  for (const { orderId } of await stack.admin.listOrders()) {
    const order = await stack.kiosk.getOrder(orderId);
    if (order.tickets.some((ticket) => ticket.ticket?.eventName === eventName)) return order;
  }
  throw new Error(`no order for ${eventName}`);
}

pcscTest(
  'claims 8, 13: with no card on the pcsc reader the kiosk asks for one, reads it when it is put down, writes the tickets and reads them back',
  async (t) => {
    const stack = await startStack(t);
    await createProduct(stack.admin, { name: 'Reader Jazz', venue: 'Blue Note', capacity: 10 });
    const kiosk = await renderKiosk(t, stack.kiosk, { cardSpec: `pcsc:${READER_0}` });

    await openEvent(kiosk, 'Reader Jazz');
    t.regex(await kiosk.waitFor('Put your IC card on the reader.'), /Waiting for a card/);
    const emulator = await insertCard(t, { capacity: 496 });
    t.regex(await kiosk.waitFor('Tickets: ◀'), /room for 4 more on your IC card/);
    await fillOrder(kiosk, { eventName: 'Reader Jazz', quantity: 2, name: 'Taro Yamada' });
    await kiosk.press(KEY.enter);
    const done = await kiosk.waitFor('read back');
    t.is(done.match(/★ Reader Jazz/g)?.length, 2);
    t.true(done.includes(`2 tickets on card ${emulator.cardId}`), done);
    t.regex(done, /Buyer Taro Yamada · Order ORD-/);

    const order = await orderFor(stack, 'Reader Jazz');
    t.is(order.cardId, emulator.cardId, 'the purchase carried the id the reader read off the card');
    await emulator.remove();
    const image = await (await openFileCard(emulator.file)).readImage();
    t.deepEqual(ticketIds(image.tickets), ticketIds(order.tickets), "the card holds the order's tickets");
    t.true(image.tickets.every((ticket) => ticket.buyerIdentification?.buyerName === 'Taro Yamada'));
  },
);

pcscTest(
  'claim 13: a card pulled off during the write asks to present it again with the order id kept; r with the card back writes its tickets once',
  async (t) => {
    const stack = await startStack(t);
    await createProduct(stack.admin, { name: 'Pulled Show', venue: 'Arena', capacity: 10 });
    const file = join(tempDir(t), 'buyer.card');
    const kiosk = await renderKiosk(t, stack.kiosk, { cardSpec: `pcsc:${READER_0}` });
    // The buyer's card already holds a ticket from an earlier purchase: the "old image" a torn write must keep.
    const first = await insertCard(t, { file, capacity: 872 });
    const earlier = await buyOnto(stack, await waitForCard(kiosk.reader), { name: 'Earlier Show' });
    let off = nextCardOff(kiosk.reader);
    await first.remove();
    await off;

    // The same card again, pulled off at the 40th page write: in the middle of the new order's records (~65 pages).
    const cut = await insertCard(t, { file, pullAt: { write: 40, applied: true } });
    await openEvent(kiosk, 'Pulled Show');
    t.regex(await kiosk.waitFor('Tickets: ◀'), /room for 6 more on your IC card/);
    await fillOrder(kiosk, { eventName: 'Pulled Show' });
    off = nextCardOff(kiosk.reader);
    await kiosk.press(KEY.enter);
    const failed = await kiosk.waitFor('Press r to try again');
    const order = await orderFor(stack, 'Pulled Show');
    t.regex(failed, /taken off the reader too soon\. Present the card again/);
    t.true(failed.includes(`Order ${order.orderId}`), failed);
    t.true(cut.writes() >= 40, 'the card was pulled during the write');
    await cut.removed;
    await off;
    const torn = await (await openFileCard(file)).readImage();
    t.deepEqual(ticketIds(torn.tickets), ticketIds(earlier), 'the pulled card holds its previous complete image');

    await kiosk.press('r');
    t.regex(await kiosk.waitFor('Put your IC card on the reader.'), new RegExp(`Order ${order.orderId}`));
    const back = await insertCard(t, { file });
    const done = await kiosk.waitFor('read back');
    t.is(done.match(/★ Pulled Show/g)?.length, 1);
    t.regex(done, /Earlier Show/);
    t.true(done.includes(`2 tickets on card ${back.cardId}`), done);
    await back.remove();
    const image = await (await openFileCard(file)).readImage();
    t.deepEqual(
      ticketIds(image.tickets),
      [...ticketIds(earlier), ...ticketIds(order.tickets)],
      'each ticket on the card once',
    );
  },
);
