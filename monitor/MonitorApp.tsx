import { Box, useApp } from 'ink';
import { QuitKey } from '../terminal/components/KeyHelp.js';
import { Screen } from '../terminal/components/Screen.js';
import type { CenterClient } from '../terminal/center-client.js';
import { KeysRoot, useKeys } from '../terminal/hooks/use-keys.js';
import { useNow } from '../terminal/hooks/use-now.js';
import { useScreenLayout } from '../terminal/hooks/use-terminal-size.js';
import { MIN_ROWS } from '../terminal/layout.js';
import { ConflictsPanel } from './components/ConflictsPanel.js';
import { bannerLines, bannerWords, ConnectionBanner, ConnectionStatus } from './components/ConnectionStatus.js';
import { GatesPanel } from './components/GatesPanel.js';
import { OfflineGatesPanel, type GatesView } from './components/OfflineGatesPanel.js';
import { ProductsPanel } from './components/ProductsPanel.js';
import { RefusalsPanel } from './components/RefusalsPanel.js';
import { useAdmissionStream, type StreamBackoff } from './hooks/use-admission-stream.js';
import { useGateList, useProductStats, type GateList, type PollIntervals } from './hooks/use-center-data.js';
import type { Polled } from './hooks/use-polled.js';
import { gateIdsOf, refusalRows } from './model/admission-tally.js';
import { connectionOf } from './model/connection.js';
import { rowBudget } from './model/row-budget.js';

export interface MonitorAppProps {
  /** A client with an admin token. */
  readonly center: CenterClient;
  readonly intervals?: PollIntervals;
  readonly backoff?: StreamBackoff;
  /** Called on q; without it q exits the Ink app. */
  readonly onExit?: () => void;
}

/** Rows of the screen that are not lists: title, rule, padding, section titles and spacing, off-line gates, conflicts, key help. */
const FIXED_ROWS = 2 + 2 + 3 + 3 + 1 + 1 + 1;

/** The operator's dashboard (SPEC §10): products, gates, refusals, gates off line, conflicts; live; q quits. */
export function MonitorApp(props: MonitorAppProps) {
  return (
    <KeysRoot>
      <QuitKey.Provider value={['q', 'quit']}>
        <Dashboard {...props} />
      </QuitKey.Provider>
    </KeysRoot>
  );
}

function gatesView(list: Polled<GateList>): GatesView {
  if (list.value) return list.value.available ? { kind: 'known', gates: list.value.gates } : { kind: 'unavailable' };
  return list.trouble ? { kind: 'unknown' } : { kind: 'asking' };
}

function Dashboard({ center, intervals = {}, backoff, onExit }: MonitorAppProps) {
  const { exit } = useApp();
  useKeys((input) => {
    if (input === 'q') (onExit ?? exit)();
  });
  const now = useNow(undefined, 1_000);
  const stats = useProductStats(center, intervals.statsMs);
  const gateList = useGateList(center, intervals.gatesMs);
  const { tally, stream, countingSince, gap } = useAdmissionStream(center, backoff);
  const connection = connectionOf(stats, stream);
  const layout = useScreenLayout();
  const width = layout.width;
  const height = layout.fits && layout.height ? layout.height : MIN_ROWS - 1;

  const known = gateList.value?.available ? gateList.value.gates.map((g) => g.gateId) : [];
  const gateIds = [...new Set([...gateIdsOf(tally), ...known])].sort();
  const products = stats.value;
  const names = new Map((products ?? []).map((s) => [s.product!.id, s.product!.name]));
  const conflicts = products?.reduce((sum, s) => sum + s.conflicts, 0);
  const banner = bannerLines(bannerWords(connection), width);
  // The banner's lines and the blank line above the key help.
  const bannerRows = banner ? banner + 1 : 0;
  const rows = rowBudget(height - FIXED_ROWS - bannerRows, {
    products: products?.length ?? 1,
    gates: gateIds.length,
    refusals: refusalRows(tally, gateIds).length,
    conflicts: tally.conflicts.length,
  });

  return (
    <Screen
      title={`Cardgate monitor · ${center.address}`}
      status={<ConnectionStatus connection={connection} now={now} />}
      banner={bannerRows ? <ConnectionBanner connection={connection} width={width} /> : undefined}
      keys={[]}
    >
      <ProductsPanel stats={products} width={width} rows={rows.products} />
      <Box marginTop={1}>
        <GatesPanel tally={tally} gateIds={gateIds} now={now} width={width} rows={rows.gates} />
      </Box>
      <Box marginTop={1}>
        <RefusalsPanel
          tally={tally}
          gateIds={gateIds}
          since={countingSince}
          gap={gap}
          width={width}
          rows={rows.refusals}
        />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <OfflineGatesPanel view={gatesView(gateList)} width={width} />
        <ConflictsPanel count={conflicts} latest={tally.conflicts} names={names} width={width} rows={rows.conflicts} />
      </Box>
    </Screen>
  );
}
