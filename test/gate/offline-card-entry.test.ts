/**
 * The entry on the card (SPEC §9): a card taken off before the gate's entry
 * write ends keeps its old contents, the gate remembers the entry in its
 * journal, and writes it the next time the card is read there — also after
 * the gate was restarted.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import test, { type ExecutionContext } from 'ava';
import type { CardEntry } from '../../card/card.js';
import { MemoryCard } from '../../card/memory-card.js';
import { OfflineGate } from '../../gate/offline/offline-gate.js';
import { CenterClient } from '../../terminal/center-client.js';
import { CARD_ID, sampleImage, TearingMemory, tempDir } from '../helpers/card-fixtures.js';

async function deadCenter(t: ExecutionContext): Promise<CenterClient> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  const center = new CenterClient(`127.0.0.1:${port}`, 'token', { timeoutMs: 500 });
  t.teardown(() => center.close());
  return center;
}

const ENTRY: CardEntry = {
  ticketId: 'TKT-0000000001',
  gateId: 'G1',
  at: new Date(Date.UTC(2026, 11, 1, 19, 2, 0)),
  direction: 'entry',
  reentry: false,
};

test('a card taken off during the entry write is given the entry the next time it is read, after a restart too', async (t) => {
  const journalPath = join(tempDir(t), 'g1.journal');
  const center = await deadCenter(t);
  const bytes = Buffer.alloc(1024);
  await new MemoryCard(CARD_ID, new TearingMemory(bytes)).writeImage(sampleImage(2));
  const before = Buffer.from(bytes);

  const first = await OfflineGate.open({ center, gateId: 'G1', journalPath, pollMs: 60_000 });
  const pulled = new MemoryCard(CARD_ID, new TearingMemory(bytes, 4)); // the card leaves after 4 bytes
  await first.writeEntry(pulled, ENTRY);
  const stillOld = await new MemoryCard(CARD_ID, new TearingMemory(Buffer.from(bytes))).read();
  t.deepEqual(stillOld.entries, [], 'the torn write left the card as it was');
  t.deepEqual(stillOld.image, (await new MemoryCard(CARD_ID, new TearingMemory(before)).read()).image);
  await first.close();

  const restarted = await OfflineGate.open({ center, gateId: 'G1', journalPath, pollMs: 60_000 });
  t.teardown(() => restarted.close());
  const back = new MemoryCard(CARD_ID, new TearingMemory(bytes));
  const entries = await restarted.catchUp(back, (await back.read()).entries!);
  t.deepEqual(entries, [ENTRY]);
  t.deepEqual((await new MemoryCard(CARD_ID, new TearingMemory(bytes)).read()).entries, [ENTRY]);
  t.deepEqual(await restarted.journal.owed(CARD_ID), [], 'nothing owed any more');
  t.deepEqual(await restarted.catchUp(back, [ENTRY]), [ENTRY], 'a second read writes nothing more');
});
