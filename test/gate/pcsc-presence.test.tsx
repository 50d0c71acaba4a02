/**
 * The gate on a real PC/SC reader (pcscd + vpcd + the project's emulated
 * card): a card put on the reader is read at once, without a key, and taking
 * it off brings the gate back to waiting (claims 11, 14: the gate's IC card
 * reader reads the card the buyer presents). card-presence.test.tsx proves
 * the same with a stand-in reader; this is the real driver's events.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { manufacturerBlock } from '../../card/file-card.js';
import { tempDir } from '../helpers/card-fixtures.js';
import { KEY } from '../helpers/ink.js';
import { insertCard, openReader, pcscTest, READER_0, waitForCard } from '../helpers/pcsc.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { buyOnto, flat } from './gate-fixtures.js';
import { renderGate } from './render-gate.js';

const READER = `pcsc:${READER_0}`;

/** An emulated card file holding one valid ticket, off the reader. */
async function cardWithTicket(t: ExecutionContext, stack: Stack): Promise<string> {
  const file = join(tempDir(t), 'buyer.card');
  const emulator = await insertCard(t, { file, capacity: 2040 });
  const writer = await openReader(t, READER);
  await buyOnto(stack, await waitForCard(writer), { name: 'Jazz Night' });
  await writer.close();
  await emulator.remove();
  return file;
}

/** A card file as `card emulate` keeps it: a UID block stating `capacity` bytes, then `data` at the start of user memory. */
function rawCard(t: ExecutionContext, capacity: number, data = Buffer.alloc(0)): string {
  const file = join(tempDir(t), 'other.card');
  const memory = Buffer.alloc(capacity);
  data.copy(memory);
  writeFileSync(
    file,
    Buffer.concat([manufacturerBlock(Buffer.concat([Buffer.of(0x04), randomBytes(6)]), capacity), memory]),
  );
  return file;
}

pcscTest('claim 14: a card put on the pcsc reader is read at once, and taking it off ends its screen', async (t) => {
  const stack = await startStack(t);
  const file = await cardWithTicket(t, stack);
  const gate = await renderGate(t, stack.gate, READER);
  const waiting = await gate.waitFor('PRESENT A CARD');
  t.regex(waiting, /Put the card on the reader\./);
  t.notRegex(waiting, /Space/, 'a reader that notices cards offers no key to present one');

  let card = await insertCard(t, { file });
  t.regex(await gate.waitFor('Choose a ticket'), /Jazz Night/);
  await card.remove();
  t.regex(await gate.waitFor('PRESENT A CARD'), /Put the card on the reader\./);

  card = await insertCard(t, { file });
  await gate.waitFor('Choose a ticket');
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  await card.remove();
  t.regex(await gate.waitFor('PRESENT A CARD'), /1 admitted/);
});

pcscTest('after a verdict the card must be taken off the pcsc reader before it is read again', async (t) => {
  const stack = await startStack(t);
  const file = await cardWithTicket(t, stack);
  const gate = await renderGate(t, stack.gate, READER);
  await gate.waitFor('PRESENT A CARD');
  const card = await insertCard(t, { file });
  await gate.waitFor('Choose a ticket');
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('PRESENT A CARD'), /Take the card off the reader\./);
  await card.remove();
  t.regex(await gate.waitFor('Put the card on the reader.'), /PRESENT A CARD/);
  await insertCard(t, { file });
  t.regex(await gate.waitFor('Choose a ticket'), /Already used at gate G1/);
});

pcscTest(
  "a card holding another application's data is refused as soon as it is put down, and taking it off goes back to waiting",
  async (t) => {
    const stack = await startStack(t);
    // An NDEF text record where Cardgate's slot headers would be.
    const file = rawCard(t, 872, Buffer.from('0312D1010E54026568656C6C6F20776F726C64FE', 'hex'));
    const gate = await renderGate(t, stack.gate, READER);
    await gate.waitFor('PRESENT A CARD');
    const card = await insertCard(t, { file });
    const refused = flat(await gate.waitFor('could not be read'));
    t.regex(refused, /not a Cardgate card/i);
    t.regex(refused, /Nothing was admitted/);
    await card.remove();
    t.regex(await gate.waitFor('Put the card on the reader.'), /PRESENT A CARD/);
  },
);

pcscTest('a card too small for tickets is refused as soon as it is put down, saying so', async (t) => {
  const stack = await startStack(t);
  const file = rawCard(t, 48); // a MIFARE Ultralight's data area
  const gate = await renderGate(t, stack.gate, READER);
  await gate.waitFor('PRESENT A CARD');
  await insertCard(t, { file });
  const refused = flat(await gate.waitFor('could not be read'));
  t.regex(refused, /holds only 48 bytes; Cardgate tickets need a card of at least 96/);
  t.regex(refused, /Nothing was admitted/);
});
