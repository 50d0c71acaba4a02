/** `cardgate admin token …`: terminal tokens, straight on the database (`--db`), audited as local:<OS user>. */
import type { Command } from 'commander';
import {
  createTerminalToken,
  listTerminals,
  parseRole,
  revokeTerminal,
  rotateToken,
} from '../../center/auth/tokens.js';
import type { Terminal } from '../../center/auth/terminal.entity.js';
import { dbOption } from '../options.js';
import { jsonOption, localActor, printJson, printTable, timeWord, withDatabase } from './admin-common.js';

const tokenRow = (t: Terminal) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  created_at: t.createdAt.toISOString(),
  rotated_at: t.rotatedAt?.toISOString() ?? null,
  last_used_at: t.lastUsedAt?.toISOString() ?? null,
  revoked_at: t.revokedAt?.toISOString() ?? null,
});

export function registerTokenCommands(admin: Command): void {
  const token = admin.command('token').description('terminal tokens (stored hashed; shown once)');
  token
    .command('create')
    .description('register a terminal and print its new token (the last line of the output)')
    .requiredOption('--role <role>', 'kiosk, gate or admin')
    .requiredOption('--name <name>', 'a name for the terminal, e.g. kiosk-1')
    .addOption(dbOption())
    .action(async (options: { role: string; name: string; db: string }) => {
      const { token: secret, terminal } = await withDatabase(options.db, (em) =>
        createTerminalToken(em, options.name, parseRole(options.role), new Date(), localActor()),
      );
      console.log(`created ${terminal.role} terminal "${terminal.name}" (${terminal.id}); its token, shown only now:`);
      console.log(secret);
    });

  jsonOption(
    token
      .command('list')
      .description('every terminal: role, when its token was created, rotated and last used (to the minute)'),
  )
    .addOption(dbOption())
    .action(async (options: { db: string; json?: boolean }) => {
      const rows = (await withDatabase(options.db, listTerminals)).map(tokenRow);
      if (options.json) return printJson(rows);
      printTable(
        ['ID', 'ROLE', 'NAME', 'CREATED', 'LAST USED', 'STATE'],
        rows.map((t) => [
          t.id,
          t.role,
          t.name,
          timeWord(new Date(t.rotated_at ?? t.created_at)),
          t.last_used_at ? timeWord(new Date(t.last_used_at)) : 'never',
          t.revoked_at ? `revoked ${timeWord(new Date(t.revoked_at))}` : t.rotated_at ? 'active (rotated)' : 'active',
        ]),
        'no terminals yet',
      );
    });

  token
    .command('revoke')
    .description("revoke a terminal's token: its calls are refused from then on")
    .requiredOption('--name <name>', 'terminal name or id')
    .addOption(dbOption())
    .action(async (options: { name: string; db: string }) => {
      const terminal = await withDatabase(options.db, (em) =>
        revokeTerminal(em, options.name, new Date(), localActor()),
      );
      console.log(`revoked "${terminal.name}"`);
    });

  token
    .command('rotate')
    .description('issue a new token for a terminal and revoke its old one (the new token is the last line)')
    .requiredOption('--name <name>', 'terminal name or id')
    .addOption(dbOption())
    .action(async (options: { name: string; db: string }) => {
      const { token: secret, terminal } = await withDatabase(options.db, (em) =>
        rotateToken(em, options.name, localActor()),
      );
      console.log(
        `new token for ${terminal.role} terminal "${terminal.name}"; the old one is revoked. Shown only now:`,
      );
      console.log(secret);
    });
}
