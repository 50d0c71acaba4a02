/**
 * The fast path and the judge decide alike (issue 13), on SQLite: every
 * admission fixture through ExactAdmit's INSERT and through
 * card/admission's judge, and RedeemTicket answering as the judge does
 * (claims 5, 6, 9: the center compares with its database and the gate admits
 * on the result).
 */
import test from 'ava';
import { FIXTURE_GROUPS } from './admission-fixtures.js';
import { MOVEMENT_GROUPS } from './admission-movement-fixtures.js';
import { admissionStack, checkFixture } from './admission-paths.js';

for (const group of [...FIXTURE_GROUPS, ...MOVEMENT_GROUPS]) {
  test(`the fast path inserts exactly when the judge admits, and RedeemTicket answers as the judge: ${group.title}`, async (t) => {
    const sides = await admissionStack(t);
    for (const fixture of group.fixtures) await checkFixture(t, sides, fixture);
  });
}
