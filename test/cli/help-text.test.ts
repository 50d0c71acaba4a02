/** Issue 18: `cardgate --version`, a description for every command, argument and option, no doubled "(default" or "(env". */
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Help, type Command } from 'commander';
import { createProgram } from '../../cli/program.js';
import { runCardgate } from '../helpers/cli.js';

function* commandsOf(command: Command, path: string[] = []): Generator<[string, Command]> {
  const here = [...path, command.name()];
  yield [here.join(' '), command];
  for (const sub of command.commands) yield* commandsOf(sub, here);
}

test('cardgate --version prints the version of package.json', async (t) => {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };
  const run = await runCardgate(['--version']);
  t.is(run.code, 0, run.output);
  t.is(run.output.trim(), version);
});

test('every command, argument and option has a description', (t) => {
  const missing: string[] = [];
  for (const [name, command] of commandsOf(createProgram())) {
    if (!command.description().trim()) missing.push(`${name}: the command`);
    for (const argument of command.registeredArguments)
      if (!argument.description.trim()) missing.push(`${name}: <${argument.name()}>`);
    for (const option of command.options) if (!option.description.trim()) missing.push(`${name}: ${option.flags}`);
  }
  t.deepEqual(missing, []);
});

test('no option says its default or environment variable twice in --help', (t) => {
  const help = new Help();
  const doubled: string[] = [];
  for (const [name, command] of commandsOf(createProgram())) {
    for (const option of command.options) {
      const said = help.optionDescription(option);
      if ((said.match(/\(default/g) ?? []).length > 1 || (said.match(/\(env/g) ?? []).length > 1)
        doubled.push(`${name} ${option.flags}: ${said}`);
    }
  }
  t.deepEqual(doubled, []);
});
