/**
 * A gate off line decides as the center does (SPEC §9, issue 16): every admission fixture of the
 * center's equivalence check (test/center/admission-*fixtures.ts) is presented to the center
 * (RedeemTicket, dry run) and to a gate's OfflineDecider that knows only what an off-line gate
 * knows — the manifest the center gave it and the ticket's movements as entries on the card.
 *
 * They must agree on admit or refuse every time. Where the gate can know the same, they agree on
 * the whole answer, words included; where it cannot, the difference is only the one SPEC §9 allows:
 * without the center's record the signature is what vouches for the card, the fields and the buyer,
 * so an unknown id, a copied card or an edited buyer is TAMPERED, and a product the manifest does not
 * hold (its admission closed, or an id the center never made) is refused as one the gate cannot judge.
 */
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardEntry } from '../../card/card.js';
import { Direction, RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { Journal } from '../../gate/offline/journal.js';
import { OfflineDecider } from '../../gate/offline/offline-decider.js';
import { AT, type Fixture, type Shown } from '../center/admission-fixture-kit.js';
import { FIXTURE_GROUPS } from '../center/admission-fixtures.js';
import { MOVEMENT_GROUPS } from '../center/admission-movement-fixtures.js';
import { manifestOf } from '../helpers/offline-calls.js';
import { startStack, type Stack } from '../helpers/stack.js';

const R = RejectReason;
/** What only the center's record of issue can tell apart; off line the signature fails instead. */
const RECORD_ONLY = new Set([
  R.REJECT_REASON_UNKNOWN_TICKET,
  R.REJECT_REASON_WRONG_CARD,
  R.REJECT_REASON_BUYER_MISMATCH,
]);

/**
 * The ticket's movements the center recorded, as the gates that made them wrote them on the card: an
 * annulled one was taken off again. Card entries keep whole seconds and the fixtures move tickets all at
 * AT, so each later one is written a second after the one before, in the center's order.
 */
async function cardEntriesOf(stack: Stack, ticketId: string): Promise<CardEntry[]> {
  const rows = (await stack.admin.listRedemptions({ limit: 1000 }))
    .filter((row) => row.ticketId === ticketId)
    .sort((a, b) => a.entryNumber - b.entryNumber);
  return rows
    .filter((row) => !row.annulledAt)
    .map((row, index) => ({
      ticketId,
      gateId: row.gateId,
      at: new Date(row.redeemedAt!.getTime() + index * 1000),
      direction: row.direction === Direction.DIRECTION_EXIT ? 'exit' : 'entry',
      reentry: row.reentry,
    }));
}

const seconds = (date: Date | undefined) => (date ? Math.floor(date.getTime() / 1000) : undefined);
const comparable = ({ firstUsedAt, ...answer }: RedeemTicketResponse) => ({
  ...answer,
  firstUsedAt: seconds(firstUsedAt),
});

for (const group of [...FIXTURE_GROUPS, ...MOVEMENT_GROUPS]) {
  test(`off line as on line: ${group.title}`, async (t) => {
    const stack = await startStack(t, { center: { now: () => AT } });
    const journal = await Journal.open(join(mkdtempSync(join(tmpdir(), 'cardgate-journal-')), 'gate.journal'));
    t.teardown(() => journal.close());
    const decider = new OfflineDecider(journal);

    for (const fixture of group.fixtures as readonly Fixture[]) {
      const shown: Shown = await fixture.prepare(stack);
      const direction = shown.direction ?? 'entry';
      const label = (what: string) => `${fixture.title}: ${what}`;
      const center = await stack.gate.redeemTicket({
        gateId: shown.gateId,
        cardId: shown.cardId,
        ticket: shown.cardTicket,
        dryRun: true,
        direction: direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      });
      decider.use((await manifestOf(stack.gate, { gateId: shown.gateId })).manifest);
      const ticketId = shown.cardTicket.ticket!.ticketId;
      const offline = await decider.check(
        {
          gateId: shown.gateId,
          cardId: shown.cardId,
          ticket: shown.cardTicket,
          direction,
          cardEntries: await cardEntriesOf(stack, ticketId),
        },
        AT,
      );

      t.is(offline.response.admitted, center.admitted, label('the gate admits exactly when the center would'));
      if (offline.cannotJudge) {
        t.false(center.admitted, label('a product the gate has not heard of is one the center refuses too'));
        continue;
      }
      if (RECORD_ONLY.has(center.reason)) {
        t.is(offline.response.reason, R.REJECT_REASON_TAMPERED, label('the signature stands in for the record'));
        continue;
      }
      t.deepEqual(comparable(offline.response), comparable(center), label('the same answer, words included'));
    }
  });
}
