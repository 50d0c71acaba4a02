import test from 'ava';
import { useState } from 'react';
import { render } from 'ink-testing-library';
import { TextField } from '../../terminal/components/TextField.js';
import { driveInk } from '../helpers/ink.js';
import { waitUntil } from '../helpers/wait.js';

function Field(props: { accept?: RegExp; display?: (value: string) => string; maxLength?: number; error?: string }) {
  const [value, setValue] = useState('');
  return <TextField label="Field" value={value} onChange={setValue} isActive {...props} />;
}

/** The frame after each chunk is written as one read and has shown its effect. */
async function typed(element: React.ReactElement, ...chunks: string[]) {
  const app = render(element);
  const field = driveInk(app);
  await field.listening();
  for (const chunk of chunks) await field.type(chunk);
  const frame = field.frame();
  app.unmount();
  return frame;
}

// Serial, like the one Ink app of a kiosk process: the keys of one read after the first wait for
// the render the key before them scheduled, and other apps rendering in this process meanwhile
// would only delay that.
test.serial('typing appends, Backspace deletes, even inside one chunk', async (t) => {
  t.regex(await typed(<Field />, 'Hanakx', '\u007F', 'o'), /Field\s+Hanako/);
  const app = render(<Field />);
  t.teardown(() => app.unmount());
  const field = driveInk(app);
  await field.listening();
  app.stdin.write('abd\u007Fc');
  await t.notThrowsAsync(field.waitFor(/Field\s+abc\s/, 2_000));
});

test('characters outside accept are ignored and maxLength holds', async (t) => {
  t.regex(await typed(<Field accept={/\d/} maxLength={4} />, '12a3-45'), /Field\s+1234\s/);
});

test('display masks what is shown; the error replaces the hint', async (t) => {
  const frame = await typed(<Field display={(v) => '•'.repeat(v.length)} error="Too short." />, '123');
  t.regex(frame, /Field\s+•••/);
  t.notRegex(frame, /123/);
  t.regex(frame, /Too short\./);
});

test('keys arriving faster than the screen re-renders are all kept', async (t) => {
  const app = render(<Field />);
  t.teardown(() => app.unmount());
  const field = driveInk(app);
  await field.listening();
  for (const character of 'Yamada') app.stdin.write(character);
  await t.notThrowsAsync(field.waitFor(/Field\s+Yamada/, 2_000), 'every character is kept');
});

test.serial('an Enter in the same read as the last letter submits what was typed', async (t) => {
  const submitted: string[] = [];
  function Form() {
    const [value, setValue] = useState('');
    return <TextField label="Name" value={value} onChange={setValue} onSubmit={() => submitted.push(value)} isActive />;
  }
  const app = render(<Form />);
  t.teardown(() => app.unmount());
  const field = driveInk(app);
  await field.listening();
  app.stdin.write('Hanako\r');
  await waitUntil('the field to submit', () => submitted.length > 0, { seen: field.frame });
  t.deepEqual(submitted, ['Hanako']);
});
