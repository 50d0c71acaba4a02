import test from 'ava';
import { findTicket, mergeTickets, removeTickets } from '../../card/tickets.js';
import { sampleImage, sampleTicket } from '../helpers/card-fixtures.js';

const ids = (image: { tickets: { ticket?: { ticketId: string } }[] }) => image.tickets.map((t) => t.ticket?.ticketId);

test('merging appends tickets that are not on the card, in order', (t) => {
  const merged = mergeTickets(sampleImage(1), [sampleTicket(3), sampleTicket(2)]);
  t.deepEqual(ids(merged), ['TKT-0000000001', 'TKT-0000000003', 'TKT-0000000002']);
});

test('merging replaces a ticket with the same id in place, so rewriting an order does not duplicate it', (t) => {
  const replacement = { ...sampleTicket(1), signature: Buffer.alloc(64, 9) };
  const merged = mergeTickets(sampleImage(2), [replacement]);
  t.deepEqual(ids(merged), ['TKT-0000000001', 'TKT-0000000002']);
  t.deepEqual(merged.tickets[0], replacement);
});

test('removing drops the given ids and ignores unknown ones', (t) => {
  const left = removeTickets(sampleImage(3), ['TKT-0000000002', 'TKT-NOPE']);
  t.deepEqual(ids(left), ['TKT-0000000001', 'TKT-0000000003']);
});

test('merging and removing leave the input image untouched', (t) => {
  const image = sampleImage(2);
  mergeTickets(image, [sampleTicket(5)]);
  removeTickets(image, ['TKT-0000000001']);
  t.is(image.tickets.length, 2);
});

test('findTicket finds a ticket by id', (t) => {
  t.is(findTicket(sampleImage(3), 'TKT-0000000002')?.ticket?.seat, 'Row B, seat 2');
  t.is(findTicket(sampleImage(3), 'TKT-NOPE'), undefined);
});
