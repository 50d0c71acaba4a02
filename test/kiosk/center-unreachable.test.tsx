/** The center going away: a plain banner and a way to retry on every screen, the last catalog kept, never a stack trace. */
import test from 'ava';
import { createProduct } from '../helpers/factories.js';
import { KEY } from '../helpers/ink.js';
import { kioskOnStack } from './kiosk-harness.js';

test('with the center stopped, Home shows the unreachable banner and the catalog keeps its list, marked out of date', async (t) => {
  const { stack, kiosk } = await kioskOnStack(t);
  await createProduct(stack.admin, { name: 'Before The Outage' });
  await kiosk.press(KEY.enter);
  await kiosk.waitFor('› Before The Outage');
  await kiosk.press(KEY.escape);
  await kiosk.waitFor('What would you like to do?');
  await stack.center.stop();
  const home = await kiosk.waitFor('cannot reach the sales center', 15_000);
  t.regex(home, /retry/);
  await kiosk.press(KEY.enter);
  const catalog = await kiosk.waitFor('may be out of date');
  t.regex(catalog, /Before The Outage/);
  for (const frame of [home, catalog]) t.notRegex(frame, /Error|at .+\.tsx?:\d+|UNAVAILABLE/);
});
