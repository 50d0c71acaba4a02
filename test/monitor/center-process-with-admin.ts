/** A real `cardgate center` process with an admin token, and its charge terminal, for the monitor's tests that stop the center. */
import type { ExecutionContext } from 'ava';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { createChargeServer } from '../../charge/server.js';
import {
  prepareDatabase,
  startCenterProcess,
  type CenterProcess,
  type PreparedDatabase,
} from '../helpers/center-process.js';

export interface MonitoredCenter {
  readonly db: PreparedDatabase;
  readonly chargeAddress: string;
  readonly adminToken: string;
  readonly first: CenterProcess;
  /** Starts the center again on the address and database of the first. */
  restart(): Promise<CenterProcess>;
}

export async function monitoredCenter(t: ExecutionContext, productName: string): Promise<MonitoredCenter> {
  const charge = createChargeServer({});
  const chargeAddress = `127.0.0.1:${await charge.listen('127.0.0.1:0')}`;
  t.teardown(() => charge.stop());
  const db = await prepareDatabase(t, { name: productName, capacity: 10 });
  const orm = await db.open();
  const adminToken = (await createTerminalToken(orm.em.fork(), 'monitor', 'admin')).token;
  const first = await startCenterProcess(db.dbPath, chargeAddress);
  t.teardown(() => first.kill());
  return {
    db,
    chargeAddress,
    adminToken,
    first,
    async restart() {
      const again = await startCenterProcess(db.dbPath, chargeAddress, ['--listen', first.address]);
      t.teardown(() => again.kill());
      return again;
    },
  };
}
