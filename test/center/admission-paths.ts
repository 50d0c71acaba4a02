/**
 * The admission equivalence check (issue 13): each fixture of
 * admission-fixtures.ts is run through the fast path (ExactAdmit, the INSERT
 * that judges in SQL) and through the judge (card/admission/judge.ts) on the
 * same database, and RedeemTicket must answer as the judge does. An admission
 * changes what the next path sees, so each fixture is made twice: the first
 * copy goes to the fast path, the second to RedeemTicket, and the judge
 * decides both. Exits and products with re-entry are left to the judge: for
 * those the fast path must not even try. Used on SQLite (admission-equivalence.test.ts) and PostgreSQL
 * (postgres-admission-equivalence.test.ts).
 */
import type { ExecutionContext } from 'ava';
import { judgeAdmission, signatureCheck, type SignatureCheck } from '../../card/admission/judge.js';
import { presentTicket } from '../../card/admission/presented-ticket.js';
import type { AdmissionVerdict } from '../../card/admission/verdict.js';
import { publicKeyFromRaw } from '../../card/signature.js';
import { ExactAdmit } from '../../center/admission/exact-admit.js';
import { rulesOf } from '../../center/admission/product-rules.js';
import { knownTicket, TicketReader } from '../../center/admission/ticket-record.js';
import { ProductCache } from '../../center/catalog/product-cache.js';
import { withConnection } from '../../center/db/raw-sql.js';
import { Direction, RejectReason, type RedeemTicketResponse } from '../../gen/cardgate/v1/gate.js';
import { startStack, type Stack, type StackOptions } from '../helpers/stack.js';
import { AT, type Fixture, type Shown } from './admission-fixture-kit.js';

const R = RejectReason;

/** A stack whose clock stands at AT, with the fast path and the judge's inputs on its database. */
export async function admissionStack(t: ExecutionContext, options: StackOptions = {}) {
  const stack = await startStack(t, { ...options, center: { ...options.center, now: () => AT } });
  const { orm } = stack.center;
  const products = new ProductCache(orm);
  const verify = signatureCheck(publicKeyFromRaw((await stack.gate.getSigningKey()).publicKey));
  return { stack, exact: new ExactAdmit(orm, products), tickets: new TicketReader(orm), products, verify };
}
type AdmissionStack = Awaited<ReturnType<typeof admissionStack>>;

/** Runs one fixture through both paths and asserts they agree with each other and with RedeemTicket. */
export async function checkFixture(t: ExecutionContext, sides: AdmissionStack, fixture: Fixture): Promise<void> {
  const { stack, exact } = sides;
  const label = (what: string) => `${fixture.title}: ${what}`;

  const first = await fixture.prepare(stack);
  const judged = await judge(sides, first);
  t.is(verdictName(judged.verdict), verdictName(fixture.expect), label('the judge answers as the fixture says'));
  const presented = presentTicket(first.cardTicket, first.cardId, first.gateId, first.direction);
  const before = await entriesRecorded(stack, first);
  const outcome = await exact.admit(presented, AT);
  const tried = outcome.movement !== null || outcome.tried;
  const written = (await entriesRecorded(stack, first)) - before;
  if (tried || !judged.verdict.admitted) {
    t.is(written, judged.verdict.admitted ? 1 : 0, label('the fast path inserts exactly when the judge admits'));
    t.is(
      outcome.movement,
      judged.verdict.admitted ? judged.record!.movements + 1 : null,
      label("and records the ticket's next movement"),
    );
  } else {
    // Exits and products with re-entry are the judge's alone: the fast path must not have tried.
    t.is(written, 0, label('the fast path leaves it to the judge'));
    t.true(first.direction === 'exit' || judged.rules!.allowReentry, label('only an exit or a re-entry product'));
  }
  if (outcome.movement === null && outcome.ticket !== undefined) {
    t.deepEqual(outcome.ticket, judged.record, label('what the fast path read alongside is what the judge reads'));
  }

  const second = await fixture.prepare(stack);
  const { verdict, record } = await judge(sides, second);
  t.is(verdictName(verdict), verdictName(fixture.expect), label('the judge answers the same for the second copy'));
  const answer = await stack.gate.redeemTicket({
    gateId: second.gateId,
    cardId: second.cardId,
    ticket: second.cardTicket,
    dryRun: false,
    direction: second.direction === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
  });
  const { message: _, ...fields } = answer;
  t.deepEqual(
    fields,
    expectedAnswer(
      verdict,
      second.direction ?? 'entry',
      record ? { firstUsedAt: record.firstUsedAt, firstUsedGate: record.firstUsedGate } : undefined,
      record && rulesOf(await sides.products.get(record.productId)),
    ),
    label('RedeemTicket answers as the judge'),
  );
}

async function judge(
  { tickets, products, verify }: { tickets: TicketReader; products: ProductCache; verify: SignatureCheck },
  { cardTicket, cardId, gateId, direction }: Shown,
) {
  const record = await tickets.read(cardTicket.ticket!.ticketId);
  const rules = record && rulesOf(await products.get(record.productId));
  const known = record && knownTicket(record, rules!);
  const verdict = judgeAdmission(presentTicket(cardTicket, cardId, gateId, direction), known, AT, verify);
  return { record, rules, verdict };
}

async function entriesRecorded({ center }: Stack, { cardTicket }: Shown): Promise<number> {
  const [row] = await withConnection(center.orm, (sql) =>
    sql.all<{ n: number | string }>('select count(*) as n from redemptions where ticket_id = ?', [
      cardTicket.ticket!.ticketId,
    ]),
  );
  return Number(row!.n);
}

const verdictName = (verdict: AdmissionVerdict | Fixture['expect']) =>
  typeof verdict === 'object'
    ? verdict.admitted
      ? 'admitted'
      : R[verdict.reason]
    : verdict === 'admitted'
      ? verdict
      : R[verdict];

/** RedeemTicket's answer, but for its message, as the judge's verdict gives it. */
function expectedAnswer(
  verdict: AdmissionVerdict,
  way: 'entry' | 'exit',
  firstUse: { firstUsedAt: Date | null; firstUsedGate: string | null } | undefined,
  rules: { opensAt: Date | null; closesAt: Date } | null,
): Omit<RedeemTicketResponse, 'message'> {
  if (verdict.admitted) {
    return {
      admitted: true,
      reason: R.REJECT_REASON_UNSPECIFIED,
      entriesLeft: verdict.entriesLeft,
      firstUsedAt: firstUse?.firstUsedAt ?? undefined,
      firstUsedGate: firstUse?.firstUsedGate ?? '',
      validFrom: rules?.opensAt ?? undefined,
      validUntil: rules?.closesAt,
      direction: way === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
      reentry: verdict.reentry,
    };
  }
  return {
    admitted: false,
    reason: verdict.reason,
    entriesLeft: 0,
    firstUsedAt: verdict.firstUsedAt,
    firstUsedGate: verdict.firstUsedGate ?? '',
    validFrom: verdict.validFrom,
    validUntil: verdict.validUntil,
    direction: way === 'exit' ? Direction.DIRECTION_EXIT : Direction.DIRECTION_ENTRY,
    reentry: false,
  };
}
