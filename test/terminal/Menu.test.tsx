/**
 * A menu chooses the row the keys before Enter moved to, even when they all
 * arrive in one read (a fast typist, or tmux sending "Down Enter" at once),
 * before the screen has re-rendered.
 */
import test from 'ava';
import { render } from 'ink-testing-library';
import { Menu } from '../../terminal/components/Menu.js';
import { driveInk, KEY } from '../helpers/ink.js';
import { waitUntil } from '../helpers/wait.js';

const ITEMS = [{ label: 'Purchase kiosk' }, { label: 'Gate console' }, { label: 'Box office' }];

for (const [keys, chosen] of [
  [`${KEY.down}${KEY.enter}`, 1],
  [`${KEY.down}${KEY.down}${KEY.enter}`, 2],
] as const) {
  test(`${JSON.stringify(keys)} in one read chooses row ${chosen + 1}`, async (t) => {
    const choices: number[] = [];
    const app = render(<Menu items={ITEMS} onChoose={(index) => choices.push(index)} isActive />);
    t.teardown(() => app.unmount());
    await driveInk(app).listening();
    app.stdin.write(keys);
    await waitUntil('a choice', () => choices.length > 0);
    t.deepEqual(choices, [chosen]);
  });
}
