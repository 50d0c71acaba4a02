/**
 * The pcsc driver against the real pcscd, with the project's emulated NTAG
 * card on vpcd's virtual readers (claims 8, 11, 13: the kiosk writes tickets
 * onto an IC card with a card writer and the gate reads them with a reader).
 */
import { readFileSync } from 'node:fs';
import { CardError } from '../../card/card-error.js';
import { listPcscReaders } from '../../card/pcsc/pcsc-context.js';
import { sampleImage } from '../helpers/card-fixtures.js';
import {
  insertCard,
  nextCardOff,
  nextCardOn,
  openReader,
  PORT_0,
  PORT_1,
  pcscTest,
  READER_0,
  READER_1,
  waitForCard,
} from '../helpers/pcsc.js';

pcscTest('pcscd lists both vpcd readers', async (t) => {
  const names = await listPcscReaders();
  t.true(names.includes(READER_0) && names.includes(READER_1), `readers: ${names.join(', ')}`);
});

pcscTest(
  'tickets written through --card pcsc read back through a new reader, under the card UID (claims 8, 13)',
  async (t) => {
    const emulator = await insertCard(t);
    const writer = await openReader(t, 'pcsc');
    const card = await waitForCard(writer);
    t.is(card.id, emulator.cardId);
    t.regex(card.id, /^04[0-9A-F]{12}$/);
    t.is(card.capacity, 872);
    t.deepEqual((await card.read()).image.tickets, [], 'a factory-fresh NTAG reads as a blank card');
    const image = sampleImage(1, card.id);
    await card.writeImage(image);
    await writer.close();

    const reader = await openReader(t, `pcsc:${READER_0}`);
    const again = await waitForCard(reader);
    t.is(again.id, card.id);
    t.deepEqual(await again.readImage(), image);
    // The emulator's memory is a card file: the same card opens as file: with the same id and tickets.
    const asFile = await waitForCard(await openReader(t, `file:${emulator.file}`));
    t.is(asFile.id, card.id);
    t.deepEqual(await asFile.readImage(), image);
  },
);

pcscTest('card fires when a card is put on the reader and card.off when it is taken away', async (t) => {
  const reader = await openReader(t, `pcsc:${READER_0}`);
  const arrived = nextCardOn(reader);
  const emulator = await insertCard(t);
  t.is(await arrived, emulator.cardId);
  const off = nextCardOff(reader);
  await emulator.remove();
  t.is(await off, emulator.cardId);
  const error = await t.throwsAsync(reader.waitForCard({ signal: AbortSignal.timeout(300) }), {
    instanceOf: CardError,
  });
  t.is(error.code, 'NO_CARD', 'no card on the reader any more');
});

pcscTest('two readers at once, each chosen by name, each with its own card', async (t) => {
  const first = await insertCard(t, { port: PORT_0 });
  const second = await insertCard(t, { port: PORT_1 });
  const [a, b] = await Promise.all([
    waitForCard(await openReader(t, `pcsc:${READER_0}`)),
    waitForCard(await openReader(t, `pcsc:${READER_1}`)),
  ]);
  t.is(a.id, first.cardId);
  t.is(b.id, second.cardId);
  await Promise.all([a.writeImage(sampleImage(1, a.id)), b.writeImage(sampleImage(0, b.id))]);
  t.is((await a.readImage()).tickets.length, 1);
  t.is((await b.readImage()).tickets.length, 0);
  t.is((await a.readImage()).cardId, first.cardId);
});

pcscTest('an unknown reader name is NO_READER and names the connected readers', async (t) => {
  const error = await t.throwsAsync(openReaderOnly('pcsc:ACS ACR122U PICC Interface 00 00'), { instanceOf: CardError });
  t.is(error.code, 'NO_READER');
  t.true(error.message.includes(READER_0));
});

async function openReaderOnly(spec: string) {
  const { openCardReader } = await import('../../card/open-card-reader.js');
  return openCardReader(spec);
}

pcscTest("a card holding another application's data is NOT_CARDGATE and a write leaves its bytes alone", async (t) => {
  const emulator = await insertCard(t);
  const card = await waitForCard(await openReader(t, 'pcsc'));
  // Another application's NDEF text record ("en", "hello") where Cardgate's headers would be.
  const ndef = Buffer.from('0312D1010E54026568656C6C6F20776F726C64FE', 'hex');
  await emulator.remove();
  const pages = readFileSync(emulator.file);
  ndef.copy(pages, 16);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(emulator.file, pages);
  const again = await insertCard(t, { file: emulator.file });
  const foreign = await waitForCard(await openReader(t, 'pcsc'));
  t.is(foreign.id, card.id);
  t.is((await t.throwsAsync(foreign.read(), { instanceOf: CardError })).code, 'NOT_CARDGATE');
  t.is(
    (await t.throwsAsync(foreign.writeImage(sampleImage(1, foreign.id)), { instanceOf: CardError })).code,
    'NOT_CARDGATE',
  );
  await again.remove();
  t.deepEqual(readFileSync(emulator.file), pages, 'not one byte changed');
});

pcscTest('tickets that do not fit are CARD_FULL before writing, and the card keeps its tickets', async (t) => {
  await insertCard(t, { capacity: 872 });
  const card = await waitForCard(await openReader(t, 'pcsc'));
  const one = sampleImage(1, card.id);
  await card.writeImage(one);
  const error = await t.throwsAsync(card.writeImage(sampleImage(8, card.id)), { instanceOf: CardError });
  t.is(error.code, 'CARD_FULL');
  t.regex(error.message, /full/);
  t.deepEqual(await card.readImage(), one);
});

pcscTest('a locked card is READ_ONLY: its tickets still read, nothing is written', async (t) => {
  const emulator = await insertCard(t, { readOnly: true });
  const card = await waitForCard(await openReader(t, 'pcsc'));
  const before = readFileSync(emulator.file);
  const error = await t.throwsAsync(card.writeImage(sampleImage(1, card.id)), { instanceOf: CardError });
  t.is(error.code, 'READ_ONLY');
  t.deepEqual((await card.read()).image.tickets, []);
  t.deepEqual(readFileSync(emulator.file), before);
});
