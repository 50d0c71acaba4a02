import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { waitUntil } from '../helpers/wait.js';
import { CardError } from '../../card/card-error.js';
import { DEFAULT_FILE_CAPACITY, MANUFACTURER_BLOCK_BYTES } from '../../card/file-card.js';
import { emptyImage } from '../../card/image-codec.js';
import { openCardReader } from '../../card/open-card-reader.js';
import { sampleImage, tempDir } from '../helpers/card-fixtures.js';

async function cardAt(path: string) {
  const reader = await openCardReader(`file:${path}`);
  try {
    return await reader.waitForCard();
  } finally {
    await reader.close();
  }
}

test('a missing card file is created blank with a 14-hex-character id', async (t) => {
  const path = join(tempDir(t), 'new.card');
  const card = await cardAt(path);
  t.regex(card.id, /^[0-9A-F]{14}$/);
  t.is(card.capacity, DEFAULT_FILE_CAPACITY);
  t.is(statSync(path).size, MANUFACTURER_BLOCK_BYTES + DEFAULT_FILE_CAPACITY);
  t.deepEqual(await card.readImage(), emptyImage(card.id));
});

test('a card file is created in a directory that does not exist yet', async (t) => {
  const path = join(tempDir(t), 'data', 'cards', 'new.card');
  await cardAt(path);
  t.true(existsSync(path));
});

test('the card id persists across reopening the file', async (t) => {
  const path = join(tempDir(t), 'kept.card');
  const first = await cardAt(path);
  const again = await cardAt(path);
  t.is(again.id, first.id);
});

test('two new cards get different ids', async (t) => {
  const dir = tempDir(t);
  t.not((await cardAt(join(dir, 'a.card'))).id, (await cardAt(join(dir, 'b.card'))).id);
});

test('an image written to a card file reads back through a new reader', async (t) => {
  const path = join(tempDir(t), 'tickets.card');
  const card = await cardAt(path);
  const image = sampleImage(3, card.id);
  await card.writeImage(image);
  t.deepEqual(await (await cardAt(path)).readImage(), image);
});

test('a file of random bytes is NOT_CARDGATE', async (t) => {
  const path = join(tempDir(t), 'garbage.card');
  writeFileSync(path, randomBytes(MANUFACTURER_BLOCK_BYTES + DEFAULT_FILE_CAPACITY));
  const error = await t.throwsAsync(cardAt(path), { instanceOf: CardError });
  t.is(error.code, 'NOT_CARDGATE');
});

test('a file of the wrong size is NOT_CARDGATE and left alone', async (t) => {
  const path = join(tempDir(t), 'notes.txt');
  writeFileSync(path, 'shopping list\n');
  const error = await t.throwsAsync(cardAt(path), { instanceOf: CardError });
  t.is(error.code, 'NOT_CARDGATE');
  t.is(readFileSync(path, 'utf8'), 'shopping list\n');
});

test('a card file whose user memory holds other data is NOT_CARDGATE on read', async (t) => {
  const path = join(tempDir(t), 'foreign.card');
  await cardAt(path);
  const bytes = readFileSync(path);
  randomBytes(DEFAULT_FILE_CAPACITY).copy(bytes, MANUFACTURER_BLOCK_BYTES);
  writeFileSync(path, bytes);
  const error = await t.throwsAsync((await cardAt(path)).read(), { instanceOf: CardError });
  t.is(error.code, 'NOT_CARDGATE');
});

test('user memory copied from another card reads as a copied image', async (t) => {
  const dir = tempDir(t);
  const original = await cardAt(join(dir, 'original.card'));
  await original.writeImage(sampleImage(1, original.id));
  const copy = await cardAt(join(dir, 'copy.card'));
  const bytes = readFileSync(join(dir, 'copy.card'));
  readFileSync(join(dir, 'original.card')).copy(bytes, MANUFACTURER_BLOCK_BYTES, MANUFACTURER_BLOCK_BYTES);
  writeFileSync(join(dir, 'copy.card'), bytes);
  const contents = await copy.read();
  t.true(contents.copied);
  t.is(contents.image.cardId, original.id);
});

test('a deleted card file is NO_CARD, like a card taken off the reader', async (t) => {
  const path = join(tempDir(t), 'gone.card');
  const card = await cardAt(path);
  rmSync(path);
  const error = await t.throwsAsync(card.read(), { instanceOf: CardError });
  t.is(error.code, 'NO_CARD');
});

for (const spec of ['usb:1', '', 'file:', '/tmp/x.card', 'pcscx']) {
  test(`card spec ${JSON.stringify(spec)} is BAD_SPEC`, async (t) => {
    const error = await t.throwsAsync(openCardReader(spec), { instanceOf: CardError });
    t.is(error.code, 'BAD_SPEC');
  });
}

test('card spec "pcsc:" without a reader name is BAD_SPEC', async (t) => {
  const error = await t.throwsAsync(openCardReader('pcsc:'), { instanceOf: CardError });
  t.is(error.code, 'BAD_SPEC');
});

test('the file reader announces its card to each card listener once, and never card.off', async (t) => {
  const reader = await openCardReader(`file:${join(tempDir(t), 'events.card')}`);
  const seen: string[] = [];
  reader.on?.('card.off', (id) => seen.push(`off ${id}`));
  const calls: string[][] = [[], []];
  reader.on?.('card', (card) => calls[0]!.push(card.id));
  reader.on?.('card', (card) => calls[1]!.push(card.id));
  await waitUntil('both card listeners to be called', () => calls.every((ids) => ids.length > 0), {
    seen: () => JSON.stringify(calls),
  });
  // An announcement is one file read after the listener is added: a second one would have come by now.
  const { id } = await reader.waitForCard();
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(calls, [[id], [id]]);
  t.deepEqual(seen, []);
  await reader.close();
});

test('a new card file can be given another capacity', async (t) => {
  const path = join(tempDir(t), 'small.card');
  const reader = await openCardReader(`file:${path}`, { capacity: 1024 });
  t.is((await reader.waitForCard()).capacity, 1024);
});
