/** What the `cardgate admin …` commands share: a database or a center to work on, who acts, and how rows print. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { parseDatabase } from '../../center/config.js';
import { openDatabase } from '../../center/db/orm.js';
import { OrderState } from '../../gen/cardgate/v1/sales.js';
import { CenterClient } from '../../terminal/center-client.js';
import { env, requireToken, tokenOption } from '../options.js';
import { clientTls, clientTlsFlags, type ClientTlsFlags } from '../tls/transport-flags.js';

export type CenterFlags = ClientTlsFlags & { center: string; token?: string };

export async function withDatabase<T>(
  spec: string,
  run: (em: Awaited<ReturnType<typeof openDatabase>>['em']) => Promise<T>,
): Promise<T> {
  const orm = await openDatabase(parseDatabase(spec));
  try {
    return await run(orm.em.fork());
  } finally {
    await orm.close();
  }
}

export async function withCenter<T>(options: CenterFlags, run: (center: CenterClient) => Promise<T>): Promise<T> {
  const center = new CenterClient(options.center, requireToken(options.token), { tls: clientTls(options) });
  try {
    return await run(center);
  } finally {
    center.close();
  }
}

/** `--center`, `--token` and the client TLS flags, for a command that goes through the center's AdminService. */
export const centerOptions = (command: Command): Command =>
  clientTlsFlags(
    command
      .option('--center <host:port>', 'the sales center (env CARDGATE_CENTER)', env.center())
      .addOption(tokenOption('an admin token')),
  );

/** `--json`: print the rows as one JSON array instead of a table. */
export const jsonOption = (command: Command): Command =>
  command.option('--json', 'print JSON (an array of objects with snake_case keys) instead of a table');

/** Who acts in a command run on the database itself, for the audit (issue 17 item 6). */
export const localActor = (): string => `local:${userInfo().username}`;

export const stateWord = (state: OrderState) => OrderState[state].replace('ORDER_STATE_', '').toLowerCase();

/** An enum value's name without its prefix: REJECT_REASON_ALREADY_USED → ALREADY_USED. */
export const enumWord = (name: string | undefined, prefix: string): string => (name ?? '').replace(prefix, '');

/** A time as an operator reads it in a table: 2026-12-03 20:00:05Z. */
export const timeWord = (at: Date | undefined): string =>
  at ? at.toISOString().slice(0, 19).replace('T', ' ') + 'Z' : '';

export const date = (flag: string) => (value: string) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new Error(`${flag} ${value}: expected an ISO 8601 date-time such as 2026-12-01T20:00:00Z`);
  return parsed;
};

/** Prints rows as an aligned table under a header, or `empty` when there are none. */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, empty: string): void {
  if (rows.length === 0) {
    console.log(empty);
    return;
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

export const printJson = (value: unknown): void => console.log(JSON.stringify(value, null, 2));
