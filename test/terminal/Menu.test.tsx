/**
 * A menu chooses the row the keys before Enter moved to, even when they all
 * arrive in one read (a fast typist, or tmux sending "Down Enter" at once),
 * before the screen has re-rendered.
 */
import test from 'ava';
import { render } from 'ink-testing-library';
import { Menu } from '../../terminal/components/Menu.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ITEMS = [{ label: 'Purchase kiosk' }, { label: 'Gate console' }, { label: 'Box office' }];
const DOWN = '\u001B[B';

for (const [keys, chosen] of [[`${DOWN}\r`, 1], [`${DOWN}${DOWN}\r`, 2]] as const) {
  test(`${JSON.stringify(keys)} in one read chooses row ${chosen + 1}`, async (t) => {
    const choices: number[] = [];
    const app = render(<Menu items={ITEMS} onChoose={(index) => choices.push(index)} isActive />);
    t.teardown(() => app.unmount());
    await pause(40);
    app.stdin.write(keys);
    await pause(60);
    t.deepEqual(choices, [chosen]);
  });
}
