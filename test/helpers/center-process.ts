/** The center as a real child process (`cardgate center`), for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import type { MikroORM } from '@mikro-orm/core';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { createProduct } from '../../center/admin/create-product.js';
import type { DatabaseTarget } from '../../center/config.js';
import { openDatabase } from '../../center/db/orm.js';
import { productRequest } from './factories.js';
import type { EntityManager } from '@mikro-orm/core';
import { OrderEntity } from '../../center/sales/order.entity.js';
import { waitUntil } from './wait.js';

export interface PreparedDatabase {
  readonly dbPath: string;
  readonly productId: string;
  readonly kioskToken: string;
  readonly gateToken: string;
  /** Opens the database in this process (closed at teardown). */
  open(): Promise<MikroORM>;
}

/**
 * A SQLite file with a kiosk and a gate token and one product; or, given a
 * postgres:// URL, that database (dbPath is then the URL, which
 * startCenterProcess accepts too).
 */
export async function prepareDatabase(
  t: ExecutionContext,
  product: Parameters<typeof productRequest>[0] = {},
  postgresUrl?: string,
): Promise<PreparedDatabase> {
  let dbPath: string;
  if (postgresUrl) {
    dbPath = postgresUrl;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cardgate-proc-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    dbPath = join(dir, 'center.sqlite');
  }
  const target = targetOf(dbPath);
  const orm = await openDatabase(target);
  const em = orm.em.fork();
  const kioskToken = (await createTerminalToken(em, 'kiosk', 'kiosk')).token;
  const gateToken = (await createTerminalToken(em, 'gate', 'gate')).token;
  const { id: productId } = await createProduct(em, productRequest(product), new Date());
  await orm.close();
  return {
    dbPath,
    productId,
    kioskToken,
    gateToken,
    async open() {
      const opened = await openDatabase(target);
      t.teardown(() => opened.close());
      return opened;
    },
  };
}

export interface CenterProcess {
  readonly address: string;
  readonly child: ChildProcess;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  kill(): void;
}

const CLI = join(import.meta.dirname, '../../cli/main.ts');

/** Centers still running: killed when the worker exits, so a test that failed before its own kill leaves none behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const isPostgres = (db: string) => /^postgres(ql)?:\/\//.test(db);
const targetOf = (db: string): DatabaseTarget =>
  isPostgres(db) ? { kind: 'postgres', url: db } : { kind: 'sqlite', path: db };

/** Starts `cardgate center` on a free port and resolves once it listens. dbPath: a SQLite file, or a postgres:// URL. */
export function startCenterProcess(
  dbPath: string,
  chargeAddress: string,
  extraArgs: string[] = [],
): Promise<CenterProcess> {
  const db = isPostgres(dbPath) ? dbPath : `sqlite:${dbPath}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'center', '--listen', '127.0.0.1:0', '--db', db, '--charge', chargeAddress, ...extraArgs],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`center did not start within 60 s: ${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ address: match[1]!, child, stderr: () => stderr, kill: () => child.kill('SIGKILL') });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`center exited with ${code}: ${stderr}`));
    });
  });
}

/** Resolves once a sale is reserved and waiting on its charge: an order in state pending. */
export async function untilOrderPending(em: EntityManager): Promise<void> {
  await waitUntil(
    'a pending order in the database',
    async () => (await em.fork().count(OrderEntity, { state: 'pending' })) > 0,
    {
      timeoutMs: 10_000,
      everyMs: 50,
    },
  );
}
