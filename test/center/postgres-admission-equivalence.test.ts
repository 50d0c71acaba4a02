/** The fast path and the judge decide alike on PostgreSQL too, where the fast path reads nothing alongside its INSERT (admission-paths.ts). */
import { postgresTest } from '../helpers/postgres.js';
import { FIXTURE_GROUPS } from './admission-fixtures.js';
import { MOVEMENT_GROUPS } from './admission-movement-fixtures.js';
import { admissionStack, checkFixture } from './admission-paths.js';

postgresTest(
  'on PostgreSQL the fast path inserts exactly when the judge admits, and RedeemTicket answers as the judge, for every fixture',
  async (t, url) => {
    const sides = await admissionStack(t, { center: { database: { kind: 'postgres', url } } });
    for (const group of [...FIXTURE_GROUPS, ...MOVEMENT_GROUPS]) {
      for (const fixture of group.fixtures) await checkFixture(t, sides, fixture);
    }
  },
);
