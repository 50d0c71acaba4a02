/** `cardgate card show` lists the entries gates wrote on the card (SPEC §9), in its table and in --json. */
import { join } from 'node:path';
import test from 'ava';
import { openFileCard } from '../../card/file-card.js';
import { sampleImage, tempDir } from '../helpers/card-fixtures.js';
import { runCardgate } from '../helpers/cli.js';

test('card show and card show --json list the entries on the card', async (t) => {
  const path = join(tempDir(t), 'entries.card');
  const card = await openFileCard(path);
  await card.writeImage(sampleImage(2, card.id));
  const at = new Date(Date.UTC(2026, 11, 1, 19, 2, 7));
  await card.addEntry({ ticketId: 'TKT-0000000002', gateId: 'NORTH', at, direction: 'entry', reentry: false });
  const json = await runCardgate(['card', 'show', '--card', `file:${path}`, '--json']);
  t.is(json.code, 0, json.output);
  t.deepEqual(JSON.parse(json.output).entries, [
    { ticket_id: 'TKT-0000000002', gate_id: 'NORTH', at: at.toISOString(), direction: 'entry', reentry: false },
  ]);
  const table = await runCardgate(['card', 'show', '--card', `file:${path}`]);
  t.regex(table.output, /Entries written by gates \(1\):\n\s+TKT-0000000002\s+entry\s+gate NORTH/);
});
