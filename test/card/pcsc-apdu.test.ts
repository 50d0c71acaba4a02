/** Pure logic of the pcsc driver and the emulated tag: status words and pcsclite errors as CardError codes, the tag's answers. */
import test from 'ava';
import { readBinary, statusError, updateBinary } from '../../card/pcsc/apdu.js';
import { pcscError } from '../../card/pcsc/pcsc-errors.js';
import { StorageTag } from '../../card/emulator/storage-tag.js';

const sw = (response: Buffer) => response.readUInt16BE(response.length - 2);

test('a card taken off during a command is NO_CARD, whatever pcsclite calls it', (t) => {
  for (const message of [
    'SCardTransmit error: Card was removed.(0x80100069)',
    'SCardTransmit error: Transaction failed.(0x80100016)',
    'SCardConnect error: No smart card inserted.(0x8010000C)',
  ]) {
    t.is(pcscError(new Error(message), 'write').code, 'NO_CARD', message);
  }
});

test('pcscd not running is NO_READER with a message saying how to start it', (t) => {
  const error = pcscError(new Error('SCardEstablishContext error: Service not available.(0x8010001D)'), 'connect');
  t.is(error.code, 'NO_READER');
  t.regex(error.message, /pcscd/);
});

test('status words map to codes a person can act on', (t) => {
  t.is(statusError(0x6982, 'write').code, 'READ_ONLY');
  t.is(statusError(0x6986, 'write').code, 'READ_ONLY');
  t.is(statusError(0x6d00, 'read').code, 'NOT_CARDGATE');
  t.is(statusError(0x6300, 'write').code, 'WRITE_FAILED');
  t.is(statusError(0x6300, 'read').code, 'READ_FAILED');
});

test('the emulated tag states its read limit with 6C XX and takes one page per write, like an ACR122U', (t) => {
  const tag = new StorageTag(Buffer.alloc(16 + 96));
  t.is(sw(tag.handle(readBinary(4, 32)).response), 0x6c10);
  t.is(tag.handle(readBinary(4, 16)).response.length, 18);
  t.is(sw(tag.handle(updateBinary(4, Buffer.alloc(8))).response), 0x6700);
  t.is(sw(tag.handle(updateBinary(4, Buffer.from('CGC1'))).response), 0x9000);
  t.deepEqual(tag.handle(readBinary(4, 4)).response.subarray(0, 4), Buffer.from('CGC1'));
});

test('the emulated tag refuses writes to its UID, lock and capability pages, and every write when locked', (t) => {
  const tag = new StorageTag(Buffer.alloc(16 + 96));
  for (const page of [0, 1, 2, 3]) t.is(sw(tag.handle(updateBinary(page, Buffer.alloc(4, 0xff))).response), 0x6982);
  const locked = new StorageTag(Buffer.alloc(16 + 96), undefined, true);
  t.is(sw(locked.handle(updateBinary(4, Buffer.alloc(4))).response), 0x6982);
  t.is(sw(tag.handle(Buffer.from('00A4040000', 'hex')).response), 0x6e00);
});
