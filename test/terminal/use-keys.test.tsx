/**
 * A key pressed the moment a new screen appears reaches that screen
 * (terminal/hooks/use-keys.ts). Ink subscribes a `useInput` only in an effect
 * that runs after the screen's first frame is out; under KeysRoot the screen
 * joins the app's one subscription while React commits it. The key here is
 * sent in a microtask queued from the frame's own write: after the commit,
 * before React runs its passive effects.
 */
import test from 'ava';
import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { KeysRoot, useKeys } from '../../terminal/hooks/use-keys.js';
import { driveInk } from '../helpers/ink.js';

function Menu() {
  const [pressed, setPressed] = useState('');
  useKeys((input, key) => setPressed(key.return ? 'Enter' : input));
  return <Text>{pressed ? `pressed ${pressed}` : 'menu ready'}</Text>;
}

/** A waiting screen that gives way to the menu, as the gate's does once the card is read. */
function App() {
  const [screen, setScreen] = useState<'waiting' | 'menu'>('waiting');
  useEffect(() => {
    const timer = setTimeout(() => setScreen('menu'), 20);
    return () => clearTimeout(timer);
  }, []);
  return <KeysRoot>{screen === 'waiting' ? <Text>waiting</Text> : <Menu />}</KeysRoot>;
}

test('a key pressed as the new screen is drawn goes to that screen', async (t) => {
  const app = render(<App />);
  t.teardown(() => app.unmount());
  const write = app.stdout.write;
  let sent = false;
  app.stdout.write = (frame: string) => {
    write(frame);
    if (!sent && frame.includes('menu ready')) {
      sent = true;
      queueMicrotask(() => app.stdin.write('\r'));
    }
  };
  await driveInk(app).waitFor('pressed', 2_000);
  t.true(sent);
  t.is(app.lastFrame(), 'pressed Enter');
});

test('Ctrl+letter reaches a screen as its caret name, never as the plain letter', async (t) => {
  const app = render(
    <KeysRoot>
      <Menu />
    </KeysRoot>,
  );
  t.teardown(() => app.unmount());
  const ink = driveInk(app);
  await ink.waitFor('menu ready');
  await ink.listening();
  await ink.press('\u0003'); // Ctrl+C: with exitOnCtrlC off (a locked kiosk) it reaches the screens
  t.regex(await ink.waitFor('pressed'), /pressed \^C/);
  await ink.press('c');
  t.regex(await ink.waitFor('pressed c'), /pressed c$/m);
});
