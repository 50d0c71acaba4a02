/**
 * The coalescer behind the center's TransferCharges calls (center/sales/charge-batches.ts), on a
 * clock the test sets and calls it ends by hand: requests made together go in one call, later
 * ones wait for it, and each request keeps its own deadline however long the call before it took.
 */
import test from 'ava';
import { batchCalls } from '../../center/sales/charge-batches.js';
import { withDeadline } from '../helpers/wait.js';

/** A coalescer whose calls the test ends; `calls` records each call's items and deadline. */
function coalescer(deadlineMs = 1_000) {
  let clock = 0;
  const calls: Array<{ items: string[]; deadline: number; answer(): void }> = [];
  let called: () => void = () => {};
  const request = batchCalls<string, string>({
    send: (items, deadline) =>
      new Promise((resolve) => {
        calls.push({ items: [...items], deadline, answer: () => resolve(items.map((item) => `done ${item}`)) });
        called();
      }),
    failed: (error) => `failed: ${(error as Error).message}`,
    maxPerCall: 3,
    deadlineMs,
    now: () => clock,
  });
  const nextCall = (count: number) =>
    withDeadline(
      `call ${count} to be made`,
      new Promise<void>((resolve) => {
        called = () => calls.length >= count && resolve();
        called();
      }),
    );
  return { request, calls, nextCall, setClock: (ms: number) => (clock = ms) };
}

test('requests made together go in one call, with the deadline they were made with', async (t) => {
  const { request, calls, nextCall } = coalescer();
  const answers = Promise.all(['a', 'b'].map(request));
  await nextCall(1);
  t.deepEqual(calls[0]!.items, ['a', 'b']);
  t.is(calls[0]!.deadline, 1_000);
  calls[0]!.answer();
  t.deepEqual(await answers, ['done a', 'done b']);
});

test('a request queued behind a call in flight is sent with what is left of its own deadline', async (t) => {
  const { request, calls, nextCall, setClock } = coalescer();
  const first = request('a');
  await nextCall(1);
  setClock(300);
  const queued = request('b');
  setClock(900);
  calls[0]!.answer();
  await nextCall(2);
  t.deepEqual(calls[1]!.items, ['b']);
  t.is(calls[1]!.deadline, 1_300, 'made at 300 with 1000 ms: to end by 1300, not 1000 ms after it was sent');
  calls[1]!.answer();
  t.deepEqual(await Promise.all([first, queued]), ['done a', 'done b']);
});

test('a request whose deadline passed behind a hung call fails unsent; the others still go', async (t) => {
  const { request, calls, nextCall, setClock } = coalescer();
  const first = request('a');
  await nextCall(1);
  setClock(100);
  const late = request('b');
  setClock(800);
  const later = request('c');
  setClock(1_200); // the first call hung until its deadline: b's time is up, c has until 1800
  calls[0]!.answer();
  t.is(await late, 'failed: not sent: its deadline passed while the call before it was still in flight');
  await nextCall(2);
  t.deepEqual(calls[1]!.items, ['c']);
  t.is(calls[1]!.deadline, 1_800);
  calls[1]!.answer();
  t.deepEqual(await Promise.all([first, later]), ['done a', 'done c']);
});

test('a call carries at most maxPerCall requests and ends by the earliest of their deadlines', async (t) => {
  const { request, calls, nextCall, setClock } = coalescer();
  const first = request('a');
  await nextCall(1);
  const queued = ['b', 'c', 'd', 'e'].map((item, i) => (setClock(100 * (i + 1)), request(item)));
  calls[0]!.answer();
  await nextCall(2);
  t.deepEqual(calls[1]!.items, ['b', 'c', 'd']);
  t.is(calls[1]!.deadline, 1_100, "b's: the earliest");
  calls[1]!.answer();
  await nextCall(3);
  t.deepEqual(calls[2]!.items, ['e']);
  calls[2]!.answer();
  t.deepEqual(await Promise.all([first, ...queued]), ['done a', 'done b', 'done c', 'done d', 'done e']);
});
