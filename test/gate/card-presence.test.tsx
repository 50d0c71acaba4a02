/**
 * Readers that report cards themselves (the `card` / `card.off` events of
 * card/card.ts, which the PC/SC driver emits): the gate reads a card as soon
 * as it is put down and goes back to waiting when it is taken off. The reader
 * here is a test stand-in with those events over a real file: card.
 */
import { EventEmitter } from 'node:events';
import test from 'ava';
import type { Card, CardReader } from '../../card/card.js';
import { CardError } from '../../card/card-error.js';
import { openFileCard } from '../../card/file-card.js';
import { KEY } from '../helpers/ink.js';
import { startStack } from '../helpers/stack.js';
import { blankCard, buyOnto } from './gate-fixtures.js';
import { renderGate } from './render-gate.js';

class HotplugReader extends EventEmitter implements CardReader {
  readonly hotPlug = true;
  readonly name = 'test reader with card events';
  private card: Card | undefined;
  private waiters: Array<(card: Card) => void> = [];

  constructor(private readonly path: string) {
    super();
  }

  async waitForCard(options: { signal?: AbortSignal } = {}): Promise<Card> {
    if (this.card) return this.card;
    return new Promise((resolve, reject) => {
      this.waiters.push(resolve);
      options.signal?.addEventListener('abort', () => reject(new CardError('NO_CARD', 'Stopped waiting for a card.')));
    });
  }

  async put(): Promise<void> {
    this.card = await openFileCard(this.path);
    this.emit('card', this.card);
    for (const waiter of this.waiters.splice(0)) waiter(this.card);
  }

  takeOff(): void {
    const id = this.card!.id;
    this.card = undefined;
    this.emit('card.off', id);
  }

  async close(): Promise<void> {}
}

test('a card put on the reader is read at once, and taking it off ends its screen', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Jazz Night' });
  const reader = new HotplugReader(spec.slice('file:'.length));
  const gate = await renderGate(t, stack.gate, spec, { reader });
  t.regex(await gate.waitFor('PRESENT A CARD'), /Put the card on the reader/);
  await reader.put();
  await gate.waitFor('Choose a ticket');
  reader.takeOff();
  t.regex(await gate.waitFor('PRESENT A CARD'), /Put the card on the reader/);

  await reader.put();
  await gate.waitFor('Choose a ticket');
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  reader.takeOff();
  await gate.waitFor('PRESENT A CARD');
});

test('after a verdict the card must be taken off before the next card is read', async (t) => {
  const stack = await startStack(t);
  const { spec, card } = await blankCard(stack);
  await buyOnto(stack, card, { name: 'Jazz Night' });
  const reader = new HotplugReader(spec.slice('file:'.length));
  const gate = await renderGate(t, stack.gate, spec, { reader });
  await gate.waitFor('PRESENT A CARD');
  await reader.put();
  await gate.waitFor('Choose a ticket');
  await gate.press(KEY.enter);
  await gate.waitFor('ADMIT');
  await gate.press(KEY.enter);
  t.regex(await gate.waitFor('PRESENT A CARD'), /Take the card off the reader/);
  reader.takeOff();
  t.regex(await gate.waitFor('Put the card on the reader'), /PRESENT A CARD/);
  await reader.put();
  t.regex(await gate.waitFor('Choose a ticket'), /Already used at gate G1/);
});
