/**
 * Cards written by the first card format (format_version 1: one protobuf
 * CardImage in two slots) stay readable. The fixtures were written by the
 * format-1 code itself (commit 5aaf33c) and must never be regenerated: they
 * are what buyers' cards in the field hold (claim 3: several tickets on one card).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'ava';
import { openFileCard } from '../../card/file-card.js';
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
