/**
 * A card pulled off the reader in the middle of a write, through the real
 * pcscd: the emulated card drops its vpcd connection at a chosen UPDATE
 * BINARY (after or before storing that page), or its process is killed. The
 * kiosk gets NO_CARD ("present the card again") and the card then reads back
 * its old or its new complete image, never garbage (claim 13: the tickets
 * written on the card are what the gate reads).
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CardError } from '../../card/card-error.js';
import { startCardEmulator as startEmulator, type EmulatorOptions } from '../../card/emulator/card-emulator.js';
import { decodeImage, encodeImage } from '../../card/image-codec.js';
import type { CardImage } from '../../gen/cardgate/v1/ticket.js';
import { sampleImage, tempDir } from '../helpers/card-fixtures.js';
import { nextCardOff, openReader, pcscTest, READER_0, waitForCard } from '../helpers/pcsc.js';
import { childSays } from '../helpers/wait.js';

/** A small image (a few dozen pages) so that every region of the write can be cut in reasonable time. */
function smallImage(cardId: string, seat: string): CardImage {
  const image = sampleImage(1, cardId);
  const [full] = image.tickets;
  // A ticket without names, buyer or notes; decode(encode()) gives it exactly as a read returns it.
  const ticket = { ...full!.ticket!, seat, eventName: '', venue: '', productId: '', orderId: '' };
  return decodeImage(
    encodeImage({
      ...image,
      tickets: [{ ...full!, ticket, buyerIdentification: undefined, additionalInfo: undefined }],
    }),
  );
}

pcscTest(
  'a card pulled at any point of a write reads back as the old or the new image, and the write says NO_CARD',
  async (t) => {
    const dir = tempDir(t);
    // Every card is taken off when the test ends, even one left on by a failed assertion.
    const startCardEmulator = async (options: EmulatorOptions) => {
      const emulator = await startEmulator(options);
      t.teardown(() => emulator.remove());
      return emulator;
    };
    const base = join(dir, 'base.bin');
    const reader = await openReader(t, `pcsc:${READER_0}`);
    // The card as the buyer brings it: one image already on it.
    const first = await startCardEmulator({ file: base });
    const oldImage = smallImage(first.cardId, 'Row A, seat 1');
    const newImage = smallImage(first.cardId, 'Row C, seats 14 and 15, upper balcony');
    await (await waitForCard(reader)).writeImage(oldImage);
    const before = first.writes();
    let off = nextCardOff(reader);
    // Measure how many page writes the new image takes, on a copy.
    copyFileSync(base, join(dir, 'probe.bin'));
    await first.remove();
    await off;
    const probe = await startCardEmulator({ file: join(dir, 'probe.bin') });
    await (await waitForCard(reader)).writeImage(newImage);
    const total = probe.writes();
    t.true(before > 0 && total > 8, `the write takes ${total} page writes`);
    off = nextCardOff(reader);
    await probe.remove();
    await off;

    // Every third page of the payload, alternately stored and lost, and each page of the slot header (written last) both ways.
    const header = [total - 3, total - 2, total - 1, total];
    const cases = [
      ...Array.from({ length: Math.ceil((total - 4) / 3) }, (_, i) => ({ point: 1 + 3 * i, applied: i % 2 === 0 })),
      ...header.flatMap((point) => [
        { point, applied: false },
        { point, applied: true },
      ]),
    ];
    const outcomes = { old: 0, new: 0 };
    for (const { point, applied } of cases) {
      const file = join(dir, `cut-${point}-${applied}.bin`);
      copyFileSync(base, file);
      const cut = await startCardEmulator({ file, pullAt: { write: point, applied } });
      const card = await waitForCard(reader);
      off = nextCardOff(reader);
      const error = await t.throwsAsync(
        card.writeImage(newImage),
        { instanceOf: CardError },
        `cut at page write ${point}`,
      );
      t.is(error?.code, 'NO_CARD', `cut at page write ${point}: ${error?.message}`);
      await cut.removed;
      await off;
      const again = await startCardEmulator({ file });
      const image = await (await waitForCard(reader)).readImage();
      const outcome = isDeepStrictEqual(image, oldImage)
        ? 'old'
        : isDeepStrictEqual(image, newImage)
          ? 'new'
          : undefined;
      // The new image counts only once the last header page (its CRC) is on the card.
      const expected = point === total && applied ? 'new' : 'old';
      t.is(
        outcome ?? 'neither old nor new',
        expected,
        `cut at page write ${point} of ${total} (${applied ? 'stored' : 'lost'})`,
      );
      if (outcome) outcomes[outcome]++;
      off = nextCardOff(reader);
      await again.remove();
      await off;
    }
    t.true(outcomes.old > 0 && outcomes.new > 0, `outcomes over ${cases.length} cuts: ${JSON.stringify(outcomes)}`);
  },
  400_000,
);

pcscTest(
  'killing the `card emulate` process during a write leaves the old or the new image on its card file',
  async (t) => {
    const file = join(tempDir(t), 'killed.bin');
    const emulate = () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, '../../cli/main.ts'), 'card', 'emulate', '--file', file],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      t.teardown(() => void child.kill('SIGKILL'));
      return childSays('cardgate card emulate', child, /is on/).then(() => child);
    };
    const reader = await openReader(t, `pcsc:${READER_0}`);
    let child = await emulate();
    const card = await waitForCard(reader);
    const oldImage = sampleImage(0, card.id);
    await card.writeImage(oldImage);
    const newImage = sampleImage(1, card.id);
    const off = nextCardOff(reader);
    const writing = card.writeImage(newImage).then(
      () => undefined,
      (error: unknown) => error,
    );
    // A 349-byte image takes about 90 page writes: kill the card somewhere in the middle of them.
    setTimeout(() => child.kill('SIGKILL'), 800);
    const error = await writing;
    if (error !== undefined) t.is((error as CardError).code, 'NO_CARD');
    await off;
    child = await emulate();
    const image = await (await waitForCard(reader)).readImage();
    t.true(
      isDeepStrictEqual(image, oldImage) || isDeepStrictEqual(image, newImage),
      'the card reads its old or its new image',
    );
    child.kill('SIGTERM');
  },
);
