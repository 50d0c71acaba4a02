/** Issue 13: the SQL helpers in center/db/ handle the dialects; no feature file asks which database it runs on. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'ava';

const CENTER = join(import.meta.dirname, '../../center');
const DB = join(CENTER, 'db');
const ASKS_DIALECT = /\bisPostgres\s*\(|\.cast\s*\(/;

test('no file of center/ outside center/db/ calls isPostgres() or sql.cast()', (t) => {
  const files = readdirSync(CENTER, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(CENTER, file))
    .filter((path) => !path.startsWith(`${DB}/`));
  t.true(files.length > 20, 'the scan sees the feature files');
  const asking = files
    .filter((path) => ASKS_DIALECT.test(readFileSync(path, 'utf8')))
    .map((path) => relative(CENTER, path));
  t.deepEqual(asking, []);
});
