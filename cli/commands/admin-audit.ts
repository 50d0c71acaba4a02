/**
 * `cardgate admin audit`: who created or updated products, cancelled orders, created, rotated or
 * revoked tokens, and when, newest first (issue 17 item 6). Through the center (ListAuditEvents,
 * admin token), or with `--db` straight from the database; both read the one audit_events table,
 * so both show every event, whether it came through the center or from a local command.
 */
import { Option, type Command } from 'commander';
import { listAuditEvents } from '../../center/admin/audit.js';
import { wholeNumber } from '../options.js';
import {
  centerOptions,
  jsonOption,
  printJson,
  printTable,
  timeWord,
  withCenter,
  withDatabase,
  type CenterFlags,
} from './admin-common.js';

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

const rowOf = (event: { at?: Date; actor: string; action: string; subject: string; detail: string }): AuditRow => ({
  at: event.at?.toISOString() ?? '',
  actor: event.actor,
  action: event.action,
  subject: event.subject,
  detail: event.detail,
});

export function registerAuditCommand(admin: Command): void {
  jsonOption(
    centerOptions(
      admin
        .command('audit')
        .description(
          'operator actions, newest first: who created or updated a product, cancelled an order, made a token',
        ),
    ),
  )
    .addOption(
      new Option('--db <spec>', 'read the database itself (sqlite:PATH or postgres://…) instead of asking the center'),
    )
    .option('--limit <n>', 'at most this many', wholeNumber('--limit', 1, 1000), 50)
    .action(async (o: CenterFlags & { db?: string; limit: number; json?: boolean }) => {
      const events = o.db
        ? await withDatabase(o.db, (em) => listAuditEvents(em, o.limit))
        : await withCenter(o, (center) => center.listAuditEvents(o.limit));
      const rows = events.map(rowOf);
      if (o.json) return printJson(rows);
      printTable(
        ['WHEN', 'WHO', 'WHAT', 'ON', 'DETAIL'],
        rows.map((r) => [timeWord(new Date(r.at)), r.actor, r.action, r.subject, r.detail]),
        'no operator actions recorded yet',
      );
    });
}
