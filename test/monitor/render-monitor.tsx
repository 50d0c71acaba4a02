/** Renders the real <MonitorApp> with ink-testing-library, polling quickly so a test sees a change within a second. */
import type { ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import { MonitorApp, type MonitorAppProps } from '../../monitor/run-monitor.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { driveInk, type InkDriver } from '../helpers/ink.js';

export function renderMonitor(
  t: ExecutionContext,
  center: CenterClient,
  props: Partial<MonitorAppProps> = {},
): InkDriver {
  const app = render(
    <MonitorApp
      center={center}
      intervals={{ statsMs: 200, gatesMs: 500 }}
      backoff={{ firstMs: 200, maxMs: 1_000 }}
      {...props}
    />,
  );
  t.teardown(() => app.unmount());
  return driveInk(app);
}
