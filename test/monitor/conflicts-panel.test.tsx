/**
 * The dashboard's conflicts (SPEC §9, §10) on given props: conflicts come from off-line gates'
 * uploads, which this center does not take yet (SyncOfflineAdmissions answers UNIMPLEMENTED), so the
 * live test follows the merge; the dashboard test sees "Conflicts: 0" from a real center.
 */
import test from 'ava';
import { render } from 'ink-testing-library';
import { ConflictsPanel, type ConflictsPanelProps } from '../../monitor/components/ConflictsPanel.js';
import { clockTime } from '../../monitor/model/clock-words.js';

const AT = new Date('2026-12-01T19:02:11Z');

function frameOf(props: Partial<ConflictsPanelProps>): string {
  const { lastFrame, unmount } = render(
    <ConflictsPanel latest={[]} names={new Map([['PRD-1', 'Jazz Night']])} width={80} rows={2} {...props} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

test('the center’s count, and the latest conflicts with time, gate, ticket and product name, as many as the rows allow', (t) => {
  const latest = ['TKT-3', 'TKT-2', 'TKT-1'].map((ticketId, i) => ({
    gateId: `G${i + 1}`,
    ticketId,
    productId: 'PRD-1',
    at: AT,
  }));
  const frame = frameOf({ count: 3, latest });
  t.deepEqual(frame.split('\n'), [
    'Conflicts: 3 · latest first',
    `  ${clockTime(AT)}  G1  TKT-3  Jazz Night`,
    `  ${clockTime(AT)}  G2  TKT-2  Jazz Night`,
  ]);
});

test('none, and before the center answered a dot-dot-dot rather than a zero', (t) => {
  t.is(frameOf({ count: 0 }), 'Conflicts: 0');
  t.is(frameOf({ count: undefined }), 'Conflicts: …');
});
