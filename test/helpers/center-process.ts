/** The center as a real child process (`cardgate center`), for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import type { MikroORM } from '@mikro-orm/core';
import { createTerminalToken } from '../../center/auth/tokens.js';
import { createProduct } from '../../center/admin/create-product.js';
import { openDatabase } from '../../center/db/orm.js';
import { productRequest } from './factories.js';

export interface PreparedDatabase {
  readonly dbPath: string;
  readonly productId: string;
  readonly kioskToken: string;
  readonly gateToken: string;
  /** Opens the database in this process (closed at teardown). */
  open(): Promise<MikroORM>;
}

/** A SQLite file with a kiosk and a gate token and one product. */
export async function prepareDatabase(t: ExecutionContext, product: Parameters<typeof productRequest>[0] = {}): Promise<PreparedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cardgate-proc-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'center.sqlite');
  const orm = await openDatabase({ kind: 'sqlite', path: dbPath });
  const em = orm.em.fork();
  const kioskToken = (await createTerminalToken(em, 'kiosk', 'kiosk')).token;
  const gateToken = (await createTerminalToken(em, 'gate', 'gate')).token;
  const { id: productId } = await createProduct(em, productRequest(product), new Date());
  await orm.close();
  return {
    dbPath, productId, kioskToken, gateToken,
    async open() {
      const opened = await openDatabase({ kind: 'sqlite', path: dbPath });
      t.teardown(() => opened.close());
      return opened;
    },
  };
}

export interface CenterProcess {
  readonly address: string;
  readonly child: ChildProcess;
  kill(): void;
}

const CLI = join(import.meta.dirname, '../../cli/main.ts');

/** Starts `cardgate center` on a free port and resolves once it listens. */
export function startCenterProcess(dbPath: string, chargeAddress: string, extraArgs: string[] = []): Promise<CenterProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'center', '--listen', '127.0.0.1:0', '--db', `sqlite:${dbPath}`, '--charge', chargeAddress, ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`center did not start: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ address: match[1]!, child, kill: () => child.kill('SIGKILL') });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`center exited with ${code}: ${stderr}`));
    });
  });
}
