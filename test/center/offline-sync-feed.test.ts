/**
 * What an off-line gate's upload (SPEC §9) shows the operator: uploaded admissions, conflicts and
 * refusals in WatchAdmissions at the gate's time (SPEC §10), and the entries counted in /metrics.
 */
import test from 'ava';
import { AdmissionResult, type WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { RejectReason } from '../../gen/cardgate/v1/gate.js';
import { buyTicket, CARD, offlineEntry, syncOffline } from '../helpers/offline-calls.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitUntil } from '../helpers/wait.js';

const MINUTE = 60_000;
const buy = (stack: Stack) => buyTicket(stack);

test("WatchAdmissions shows uploaded admissions, conflicts and refusals with offline set, at the gate's time (SPEC §10)", async (t) => {
  const stack = await startStack(t);
  const ticket = await buy(stack);
  const events: WatchAdmissionsResponse[] = [];
  let open = false;
  const { stop } = stack.admin.watchAdmissions(
    { gateIds: [] },
    { onEvent: (event) => events.push(event), onEnd: () => {}, onOpen: () => (open = true) },
  );
  t.teardown(stop);
  await waitUntil('the watch to open', () => open);
  const at = Date.now() - 20 * MINUTE;
  await syncOffline(stack.gate, {
    gateId: 'East',
    admissions: [
      offlineEntry(ticket, CARD, new Date(at)),
      offlineEntry(ticket, CARD, new Date(at + MINUTE), {
        admitted: false,
        reason: RejectReason.REJECT_REASON_ALREADY_USED,
      }),
    ],
  });
  await syncOffline(stack.gate, {
    gateId: 'West',
    admissions: [offlineEntry(ticket, CARD, new Date(at + 2 * MINUTE))],
  });
  await waitUntil('three events', () => events.length >= 3, { seen: () => JSON.stringify(events) });
  t.deepEqual(
    events.map((e) => [AdmissionResult[e.result], e.gateId, e.offline, e.conflict, e.at!.getTime()]),
    [
      ['ADMISSION_RESULT_ADMITTED', 'East', true, false, at],
      ['ADMISSION_RESULT_REFUSED', 'East', true, false, at + MINUTE],
      ['ADMISSION_RESULT_ADMITTED', 'West', true, true, at + 2 * MINUTE],
    ],
  );
});

test('/metrics counts uploaded entries by outcome and gate', async (t) => {
  const stack = await startStack(t, { center: { metricsListen: '127.0.0.1:0' } });
  const ticket = await buy(stack);
  const at = new Date(Date.now() - MINUTE);
  const first = offlineEntry(ticket, CARD, at);
  const refused = offlineEntry(ticket, CARD, at, { admitted: false, reason: RejectReason.REJECT_REASON_TAMPERED });
  await syncOffline(stack.gate, { gateId: 'North', admissions: [first, refused] });
  await syncOffline(stack.gate, { gateId: 'North', admissions: [first] });
  await syncOffline(stack.gate, { gateId: 'South', admissions: [offlineEntry(ticket, CARD, at)] });
  const text = await (await fetch(`http://127.0.0.1:${stack.center.metricsPort()}/metrics`)).text();
  const count = (labels: string) =>
    Number(new RegExp(`^cardgate_offline_entries_total\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1]);
  t.is(count('outcome="admitted",gate="North"'), 1);
  t.is(count('outcome="refused",gate="North"'), 1);
  t.is(count('outcome="duplicate",gate="North"'), 1);
  t.is(count('outcome="conflict",gate="South"'), 1);
});
