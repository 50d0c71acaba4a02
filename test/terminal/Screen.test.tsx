import test from 'ava';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { Screen } from '../../terminal/components/Screen.js';

test('a screen shows its title, body and key help with Ctrl+C', (t) => {
  const { lastFrame, unmount } = render(
    <Screen title="Cardgate kiosk" status="online" keys={[['Esc', 'back']]}>
      <Text>Body text</Text>
    </Screen>,
  );
  const frame = lastFrame() ?? '';
  t.regex(frame, /Cardgate kiosk/);
  t.regex(frame, /Body text/);
  t.regex(frame, /Esc back/);
  t.regex(frame, /Ctrl\+C quit/);
  t.true(frame.split('\n').every((line) => line.length <= 80));
  unmount();
});
