import { Box, Text } from 'ink';
import { useState } from 'react';
import { removeTickets, type Card } from '../../card/index.js';
import { useCardTask } from '../../terminal/card/use-card-task.js';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import type { KeyBinding } from '../../terminal/components/KeyHelp.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import { TicketList } from '../../terminal/components/TicketList.js';
import { useListCursor } from '../../terminal/hooks/use-list-cursor.js';
import { theme } from '../../terminal/theme.js';
import { CardWait } from '../components/CardWait.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { useTicketChecks } from '../hooks/use-ticket-checks.js';
import { useKiosk } from '../kiosk-context.js';
import { ticketValidity } from '../ticket-validity.js';
import { WrongCardError } from '../card-words.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { useExtraRows } from '../../terminal/hooks/use-terminal-size.js';

const PAGE = 8;
const readCard = async (card: Card) => ({ id: card.id, contents: await card.read(), max: card.maxImageBytes });

/** The tickets on the buyer's card and their state from the center; used and expired ones can be cleared off to make room. */
export function MyCardScreen({ onBack }: { readonly onBack: () => void }) {
  const { timeZone } = useKiosk();
  const read = useCardTask(readCard, { runOnMount: true });
  const [attempt, setAttempt] = useState(0);
  const checked = useTicketChecks(read.result?.id, read.result?.contents, attempt);
  const tickets = read.result?.contents.image.tickets ?? [];
  const validity = tickets.map((_, i) => ticketValidity(checked.results[i]));
  const clearIds = tickets.filter((_, i) => validity[i]!.clearable).map((t) => t.ticket?.ticketId ?? '');
  // Clears exactly what was shown, and only from the card that was read.
  const clear = useCardTask(async (card: Card) => {
    if (card.id !== read.result?.id) throw new WrongCardError(read.result?.id ?? '', card.id);
    await card.writeImage(removeTickets(await card.readImage(), clearIds));
    return clearIds.length;
  });
  const page = PAGE + useExtraRows();
  const cursor = useListCursor({ count: tickets.length, pageSize: page, isActive: read.state === 'done' });

  useKeys((input, key) => {
    if (key.escape) return onBack();
    if (input === 'r') {
      clear.cancel();
      if (read.state === 'done' && checked.state === 'failed') setAttempt((n) => n + 1);
      else read.run();
    } else if (input === 'c' && clearIds.length > 0 && checked.state === 'done' && clear.state === 'idle') clear.run();
    else if (key.return && clear.state === 'done') {
      clear.cancel();
      read.run();
    }
  });

  const keys: KeyBinding[] = [['↑↓', 'scroll']];
  if (clearIds.length > 0 && clear.state === 'idle') keys.push(['c', `clear ${clearIds.length} used/expired`]);
  keys.push(['r', 'read again'], ['Esc', 'back']);
  const contents = read.result?.contents;
  return (
    <KioskScreen title="My card" keys={keys}>
      <CardWait task={read} doing="Reading your IC card…" />
      {contents ? (
        <Box flexDirection="column">
          <Text>{`IC card ${read.result!.id}: ${tickets.length} ticket${tickets.length === 1 ? '' : 's'}, ${Math.round((contents.usedBytes / read.result!.max) * 100)}% full.`}</Text>
          {contents.copied ? (
            <Text color={theme.bad}>These tickets were copied from another card: gates will refuse them.</Text>
          ) : null}
          <Text> </Text>
          <TicketList
            rows={tickets.map((ticket, i) => ({ ticket, state: validity[i]!.words, stateColor: validity[i]!.color }))}
            selected={cursor.index}
            start={cursor.start}
            pageSize={page}
            timeZone={timeZone}
          />
          <Text> </Text>
          {checked.state === 'checking' ? (
            <Spinner label="Asking the sales center which tickets are still valid…" />
          ) : null}
          {checked.state === 'failed' ? (
            <ErrorNotice problem={checked.problem!} next="Ticket states are unknown. Press r to ask again." />
          ) : null}
          {clear.state === 'idle' && checked.state === 'done' && clearIds.length > 0 ? (
            <Text>{`Press c to clear ${clearIds.length} used or expired ticket${clearIds.length === 1 ? '' : 's'} off the card to make room.`}</Text>
          ) : null}
          <CardWait task={clear} doing="Clearing used tickets off your IC card…" />
          {clear.state === 'done' ? (
            <Text
              color={theme.ok}
              bold
            >{`✔ Cleared ${clear.result} ticket${clear.result === 1 ? '' : 's'}. Press Enter to read the card again.`}</Text>
          ) : null}
        </Box>
      ) : null}
    </KioskScreen>
  );
}
