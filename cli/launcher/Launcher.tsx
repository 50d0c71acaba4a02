import { Box, Text, useApp } from 'ink';
import { useState } from 'react';
import { ErrorNotice } from '../../terminal/components/ErrorNotice.js';
import { Menu } from '../../terminal/components/Menu.js';
import { Screen } from '../../terminal/components/Screen.js';
import { KeysRoot, useKeys } from '../../terminal/hooks/use-keys.js';
import type { DemoContext, LauncherEntry, OpenedUi } from './launcher-entry.js';

export interface LauncherProps {
  readonly context: DemoContext;
  readonly entries: readonly LauncherEntry[];
}

type LauncherState =
  | { readonly state: 'menu'; readonly problem?: string }
  | { readonly state: 'opening' }
  | { readonly state: 'running'; readonly ui: OpenedUi };

/** The `npm start` menu: open a terminal UI on the demo card; leaving it comes back here, without restarting the servers. */
export function Launcher(props: LauncherProps) {
  // One keyboard subscription for the menu and the terminal it opens (terminal/hooks/use-keys.ts).
  return (
    <KeysRoot>
      <LauncherMenu {...props} />
    </KeysRoot>
  );
}

function LauncherMenu({ context, entries }: LauncherProps) {
  const { exit } = useApp();
  const [current, setCurrent] = useState<LauncherState>({ state: 'menu' });

  const open = (entry: LauncherEntry) => {
    setCurrent({ state: 'opening' });
    let ui: OpenedUi | undefined;
    const back = () => {
      setCurrent({ state: 'menu' });
      void ui?.close();
    };
    entry.open(context, back).then(
      (opened) => {
        ui = opened;
        setCurrent({ state: 'running', ui: opened });
      },
      (error: unknown) =>
        setCurrent({
          state: 'menu',
          problem: `${entry.label} could not start: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };
  useKeys(
    (input) => {
      if (input === 'q') exit();
    },
    { isActive: current.state === 'menu' },
  );

  if (current.state === 'running') return current.ui.element;
  return (
    <Screen
      title="Cardgate demo · Launcher"
      status="servers running"
      keys={[
        ['↑↓', 'move'],
        ['Enter', 'open'],
        ['q', 'quit and stop the servers'],
      ]}
    >
      <Text>Open a terminal on the virtual IC card {context.cardSpec.replace(/^file:/, '')}:</Text>
      <Text> </Text>
      <Menu items={entries} onChoose={(index) => open(entries[index]!)} isActive={current.state === 'menu'} />
      <Text> </Text>
      {current.state === 'menu' && current.problem ? <ErrorNotice problem={current.problem} /> : null}
      {current.state === 'opening' ? <Text dimColor>Opening…</Text> : null}
      <Box flexDirection="column">
        <Text dimColor>{`Sales center    ${context.centerAddress}  (SQLite ${context.dbPath})`}</Text>
        <Text dimColor>{`Charge terminal ${context.chargeAddress}   Logs ${context.logPath}`}</Text>
        <Text dimColor>{`Tokens  kiosk ${context.tokens.kiosk}`}</Text>
        <Text dimColor>{`        gate  ${context.tokens.gate}`}</Text>
        <Text dimColor>{`        admin ${context.tokens.admin}`}</Text>
      </Box>
    </Screen>
  );
}
