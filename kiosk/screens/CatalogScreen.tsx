import { Box, Text } from 'ink';
import { useEffect } from 'react';
import type { Product } from '../../gen/cardgate/v1/catalog.js';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import { theme } from '../../terminal/theme.js';
import { Spinner } from '../../terminal/components/Spinner.js';
import type { Catalog } from '../../terminal/hooks/use-catalog.js';
import { useListCursor } from '../../terminal/hooks/use-list-cursor.js';
import { KioskScreen } from '../components/KioskScreen.js';
import { PRODUCT_HEADER, ProductRow } from '../components/ProductRow.js';
import { useKiosk } from '../kiosk-context.js';
import { useKeys } from '../../terminal/hooks/use-keys.js';
import { useNow } from '../../terminal/hooks/use-now.js';
import { useExtraRows } from '../../terminal/hooks/use-terminal-size.js';
import { salesClosed } from '../sales-window.js';

/** Products per page on 24 lines, with the header, details and key help; a taller terminal shows more. */
export const CATALOG_PAGE = 9;

export interface CatalogScreenProps {
  readonly catalog: Catalog;
  readonly onChoose: (product: Product) => void;
  readonly onBack: () => void;
}

/**
 * Step 1 (SPEC §2): every product still on sale, with seats left, live; sold-out ones shown but not
 * selectable; ones whose sales have closed not shown at all (they go as their closing time passes).
 */
export function CatalogScreen({ catalog, onChoose, onBack }: CatalogScreenProps) {
  const { timeZone, clock } = useKiosk();
  const now = useNow(clock);
  const products = catalog.products.filter((product) => !salesClosed(product, now));
  const cursor = useListCursor({
    count: products.length,
    pageSize: CATALOG_PAGE + useExtraRows(),
    isActive: true,
    selectable: (index) => (products[index]?.remaining ?? 0) > 0,
    onChoose: (index) => onChoose(products[index]!),
  });
  useKeys((input, key) => {
    if (key.escape) onBack();
    else if (input === 'r' && catalog.state === 'offline') catalog.retry();
  });
  const current = products[cursor.index];
  const { retry } = catalog;
  useEffect(() => retry(), [retry]);

  return (
    <KioskScreen
      title="Choose an event"
      step="step 1 of 5"
      keys={[
        ['↑↓', 'move'],
        ['PgUp/PgDn', 'page'],
        ['Enter', 'choose'],
        ['Esc', 'back'],
      ]}
    >
      {catalog.state === 'loading' ? <Spinner label="Loading the events…" /> : null}
      {catalog.state === 'offline' && products.length === 0 ? (
        <ErrorNotice
          problem={catalog.problem ?? 'The sales center is not answering.'}
          next="The events appear as soon as it answers (retrying by itself; r to retry now)."
        />
      ) : null}
      {catalog.state === 'offline' && products.length > 0 ? (
        <Text color={theme.warn}>Seats left may be out of date: the sales center is not answering. Retrying…</Text>
      ) : null}
      {catalog.state === 'live' && products.length === 0 ? <Text>No events are on sale right now.</Text> : null}
      {products.length > 0 ? (
        <Box flexDirection="column">
          <Text dimColor>{PRODUCT_HEADER}</Text>
          <Text dimColor>{cursor.start > 0 ? `  ↑ ${cursor.start} more` : ' '}</Text>
          {products.slice(cursor.start, cursor.end).map((product, offset) => (
            <ProductRow
              key={product.id}
              product={product}
              selected={cursor.start + offset === cursor.index}
              timeZone={timeZone}
            />
          ))}
          <Text dimColor>{cursor.end < products.length ? `  ↓ ${products.length - cursor.end} more` : ' '}</Text>
          {current ? (
            <Text wrap="truncate-end">
              {current.remaining > 0
                ? `${current.seating || 'General admission'} · ${current.venueNotes}`
                : `${current.name} is sold out: choose another event.`}
            </Text>
          ) : null}
        </Box>
      ) : null}
    </KioskScreen>
  );
}
