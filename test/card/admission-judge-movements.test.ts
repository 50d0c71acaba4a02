/** The admission judge on a ticket's movements (SPEC §10): exits, re-entry and annulled movements. */
import test from 'ava';
import type { AdmissionRules } from '../../card/admission/admission-rules.js';
import type { CardTicket } from '../../gen/cardgate/v1/ticket.js';
import { edited, HOUR, issue, judge, known, NOW, OTHER_CARD, R, RULES } from './judge-bench.js';

/** A ticket's use: `entriesUsed` entries that counted, the last movement standing. */
const used = (entriesUsed: number, lastMovement: 'entry' | 'exit' | null) => ({
  entriesUsed,
  firstUsedAt: entriesUsed > 0 ? NOW : null,
  firstUsedGate: entriesUsed > 0 ? 'G1' : null,
  lastMovement,
});
const REENTRY: AdmissionRules = { ...RULES, allowReentry: true };

test('an exit of a ticket inside is admitted and uses no entry; one not inside is NOT_INSIDE', (t) => {
  const issued = issue(2);
  const exit = { direction: 'exit' } as const;
  t.deepEqual(judge(issued, known(issued, { entries: used(1, 'entry') }), exit), {
    admitted: true,
    direction: 'exit',
    reentry: false,
    entry: 1,
    entriesLeft: 1,
  });
  t.like(judge(issued, known(issued), exit), { admitted: false, reason: R.REJECT_REASON_NOT_INSIDE });
  t.like(judge(issued, known(issued, { entries: used(1, 'exit') }), exit), { reason: R.REJECT_REASON_NOT_INSIDE });
});

test('an exit is judged on who the ticket is, never on cancellation, window or gate: a person may always leave', (t) => {
  const issued = issue();
  const inside = known(issued, { entries: used(1, 'entry'), cancelled: true, rules: { ...RULES, gateIds: ['North'] } });
  const late = new Date(RULES.closesAt.getTime() + HOUR);
  t.like(judge(issued, inside, { direction: 'exit', gateId: 'South', now: late }), { admitted: true });
  t.like(judge(issued, inside, { direction: 'exit', cardId: OTHER_CARD }), { reason: R.REJECT_REASON_WRONG_CARD });
  t.like(judge(edited(issued, forgeSeat), inside, { direction: 'exit' }), { reason: R.REJECT_REASON_TAMPERED });
});

test('with re-entry, an entry after an exit is a re-entry that uses no entry; without an exit it is ALREADY_USED', (t) => {
  const issued = issue();
  t.deepEqual(judge(issued, known(issued, { rules: REENTRY, entries: used(1, 'exit') })), {
    admitted: true,
    direction: 'entry',
    reentry: true,
    entry: 1,
    entriesLeft: 0,
  });
  t.like(judge(issued, known(issued, { rules: REENTRY, entries: used(1, 'entry') })), {
    reason: R.REJECT_REASON_ALREADY_USED,
  });
  t.like(judge(issued, known(issued, { rules: REENTRY })), { admitted: true, reentry: false, entry: 1 });
  // A re-entry is still an entry: cancelled, out of its window or at the wrong gate, it is refused.
  t.like(judge(issued, known(issued, { rules: REENTRY, entries: used(1, 'exit'), cancelled: true })), {
    reason: R.REJECT_REASON_CANCELLED,
  });
});

test('without re-entry, an entry after an exit uses the next entry, or is ALREADY_USED when none is left', (t) => {
  const single = issue(1);
  t.like(judge(single, known(single, { entries: used(1, 'exit') })), { reason: R.REJECT_REASON_ALREADY_USED });
  const double = issue(2);
  t.like(judge(double, known(double, { entries: used(1, 'exit') })), { admitted: true, reentry: false, entry: 2 });
});

test('an entry whose every earlier movement was annulled is a first entry again', (t) => {
  const issued = issue();
  t.like(judge(issued, known(issued, { entries: used(0, null) })), { admitted: true, entry: 1, entriesLeft: 0 });
});

function forgeSeat(copy: CardTicket): void {
  copy.ticket!.seat = 'Royal box';
}
