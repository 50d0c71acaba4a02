/**
 * The dashboard's "gates off line" line (SPEC §9, §10) on given ListGates answers. The live test
 * against a center follows once the center implements ListGates; until then it answers UNIMPLEMENTED,
 * which the dashboard test (dashboard.test.tsx) sees as "not available".
 */
import test from 'ava';
import { render } from 'ink-testing-library';
import type { GateStatus } from '../../gen/cardgate/v1/admin.js';
import { OfflineGatesPanel, type GatesView } from '../../monitor/components/OfflineGatesPanel.js';
import { clockTime } from '../../monitor/model/clock-words.js';

const SEEN = new Date('2026-12-01T19:02:11Z');

const gate = (gateId: string, more: Partial<GateStatus> = {}): GateStatus => ({
  gateId,
  lastSeenAt: SEEN,
  offline: false,
  pendingOffline: 0,
  lastSyncAt: undefined,
  ...more,
});

function frameOf(view: GatesView, width = 80): string {
  const { lastFrame, unmount } = render(<OfflineGatesPanel view={view} width={width} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

test('a center without ListGates: one line saying gate status is not available from it', (t) => {
  t.is(frameOf({ kind: 'unavailable' }), 'Gates off line: gate status not available from this center');
});

test('every gate heard from lately: none off line, and how many gates the center knows', (t) => {
  t.is(
    frameOf({ kind: 'known', gates: [gate('G1'), gate('G2'), gate('G3')] }),
    'Gates off line: none (3 known to the center)',
  );
});

test('gates off line are named with when they were last seen and what waits to upload; the others are not', (t) => {
  const frame = frameOf({
    kind: 'known',
    gates: [
      gate('G1'),
      gate('G2', { offline: true, pendingOffline: 4 }),
      gate('G3', { offline: true, lastSeenAt: undefined }),
    ],
  });
  t.is(frame, `Gates off line (2): G2 (last seen ${clockTime(SEEN)}, 4 to upload), G3 (never seen)`);
});

test('many gates off line stay on one line, cut with an ellipsis at the terminal width', (t) => {
  const gates = Array.from({ length: 12 }, (_, i) => gate(`GATE-${i}`, { offline: true }));
  const frame = frameOf({ kind: 'known', gates });
  t.is(frame.split('\n').length, 1);
  t.true(frame.length <= 79);
  t.regex(frame, /^Gates off line \(12\): GATE-0 .*…$/);
});

test('before the first answer it says it is asking; with the center unreachable, that it cannot know', (t) => {
  t.is(frameOf({ kind: 'asking' }), 'Gates off line: asking the center…');
  t.is(frameOf({ kind: 'unknown' }), 'Gates off line: not known while the center is unreachable');
});
