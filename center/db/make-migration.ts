/**
 * Generates a migration from the difference between the entities and the
 * schema the committed migrations build: `npm run migration:create -- sqlite`
 * (or postgres, with CARDGATE_DB set to a scratch postgres:// database).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './orm.js';
import { parseDatabase } from '../config.js';

const kind = process.argv[2] ?? 'sqlite';
const target =
  kind === 'postgres'
    ? parseDatabase(process.env.CARDGATE_DB ?? 'postgres://localhost/cardgate_migrations')
    : parseDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'cardgate-migration-')), 'scratch.sqlite')}`);
const orm = await openDatabase(target, { createDatabase: true }); // a scratch database
const result = await orm.getMigrator().createMigration(undefined, false, false);
console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes: the migrations already match the entities');
await orm.close();
