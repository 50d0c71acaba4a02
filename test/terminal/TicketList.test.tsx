import test from 'ava';
import { render } from 'ink-testing-library';
import { TicketList } from '../../terminal/components/TicketList.js';
import { sampleTicket } from '../helpers/card-fixtures.js';

test('one line per ticket with its mark and state, within 80 columns, and how many more are off screen', (t) => {
  const rows = Array.from({ length: 7 }, (_, i) => ({
    ticket: sampleTicket(i + 1),
    mark: i === 0 ? '★' : '',
    state: i === 1 ? 'used' : 'valid',
  }));
  const { lastFrame, unmount } = render(<TicketList rows={rows} start={1} pageSize={3} timeZone="UTC" />);
  const frame = lastFrame() ?? '';
  unmount();
  t.regex(frame, /↑ 1 more/);
  t.regex(frame, /↓ 3 more/);
  t.regex(frame, /Jazz Night\s+Tue 1 Dec 20:00\s+Row B, seat 2\s+used/);
  t.notRegex(frame, /★/, 'the marked first row is scrolled off');
  t.true(frame.split('\n').every((line) => line.length <= 80));
});

test('an empty card says so', (t) => {
  const { lastFrame, unmount } = render(<TicketList rows={[]} />);
  t.regex(lastFrame() ?? '', /No tickets on this card/);
  unmount();
});
