/**
 * Cards written by the first card format (format_version 1: one protobuf
 * CardImage in two slots) stay readable. The fixtures were written by the
 * format-1 code itself (commit 5aaf33c) and must never be regenerated: they
 * are what buyers' cards in the field hold (claim 3: several tickets on one card).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { MANUFACTURER_BLOCK_BYTES, openFileCard } from '../../card/file-card.js';
import {
  headerOffset,
  parseHeader,
  payloadOffset,
  SLOT_HEADER_BYTES,
  SLOTS,
  slotChecksum,
} from '../../card/slot-layout.js';
import { publicKeyFromRaw, verifyCardTicket } from '../../card/signature.js';
import { tempDir } from '../helpers/card-fixtures.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

interface Fixture {
  readonly card_id: string;
  readonly capacity: number;
  readonly ticket_ids: string[];
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'format1-fixtures.json'), 'utf8')) as Record<
  string,
  Fixture
> & { public_key_hex: string };
const publicKey = publicKeyFromRaw(Buffer.from(manifest.public_key_hex, 'hex'));
const FORMAT1_FIXTURES = ['format1-ntag216.card', 'format1-file8192.card'] as const;

for (const name of FORMAT1_FIXTURES) {
  test(`the first-format card ${name} reads its tickets, each verifying for the card (claim 3)`, async (t) => {
    const fixture = manifest[name] as Fixture;
    const path = join(tempDir(t), name);
    copyFileSync(join(FIXTURES, name), path);
    const card = await openFileCard(path);
    t.is(card.id, fixture.card_id);
    t.is(card.capacity, fixture.capacity);
    const contents = await card.read();
    t.false(contents.copied);
    t.is(contents.image.cardId, fixture.card_id);
    t.deepEqual(
      contents.image.tickets.map((ticket) => ticket.ticket?.ticketId),
      fixture.ticket_ids,
    );
    for (const ticket of contents.image.tickets) t.true(verifyCardTicket(publicKey, ticket, card.id));
    t.deepEqual(readFileSync(path), readFileSync(join(FIXTURES, name)), 'reading writes nothing');
  });
}

test('a first-format card whose newest slot has sequence 0xFFFFFFFF is rewritten, not a RangeError', async (t) => {
  const name = 'format1-file8192.card';
  const path = join(tempDir(t), name);
  const bytes = readFileSync(join(FIXTURES, name));
  const memory = bytes.subarray(MANUFACTURER_BLOCK_BYTES);
  const capacity = memory.length;
  const slots = SLOTS.map((slot) => ({
    slot,
    header: parseHeader(memory.subarray(headerOffset(slot), headerOffset(slot) + SLOT_HEADER_BYTES)),
  }));
  const live = slots
    .filter((s) => s.header.kind === 'slot')
    .sort((a, b) => (b.header as { seq: number }).seq - (a.header as { seq: number }).seq)[0]!;
  const { length } = live.header as { length: number };
  const at = payloadOffset(live.slot, capacity);
  const payload = Buffer.from(memory.subarray(at, at + length));
  const header = memory.subarray(headerOffset(live.slot), headerOffset(live.slot) + SLOT_HEADER_BYTES);
  header.writeUInt32BE(0xffffffff, 4);
  header.writeUInt32BE(slotChecksum(0xffffffff, payload), 12);
  writeFileSync(path, bytes);

  const card = await openFileCard(path);
  const before = await card.read();
  t.is(before.image.tickets.length, 3, 'the doctored card still reads as the fixture');
  await t.notThrowsAsync(card.writeImage({ ...before.image, tickets: before.image.tickets.slice(1) }));
  t.deepEqual(
    (await card.read()).image.tickets.map((ticket) => ticket.ticket?.ticketId),
    before.image.tickets.slice(1).map((ticket) => ticket.ticket?.ticketId),
  );
});
