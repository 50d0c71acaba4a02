/** Renders the real <GateApp> with ink-testing-library against a real center and a card, driven through helpers/ink.ts. */
import type { ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import { openCardReader } from '../../card/open-card-reader.js';
import { GateApp, type GateAppProps } from '../../gate/run-gate.js';
import type { CenterClient } from '../../terminal/center-client.js';
import { driveInk, KEY, type InkDriver } from '../helpers/ink.js';

export interface RenderedGate extends InkDriver {
  unmount(): void;
}

export async function renderGate(
  t: ExecutionContext,
  center: CenterClient,
  cardSpec: string,
  props: Partial<GateAppProps> = {},
): Promise<RenderedGate> {
  const reader = await openCardReader(cardSpec);
  const app = render(<GateApp center={center} reader={reader} gateId="G1" verdictSeconds={60} {...props} />);
  t.teardown(async () => {
    app.unmount();
    await reader.close();
  });
  return { ...driveInk(app), unmount: () => app.unmount() };
}

/** On the waiting screen, Space presents the card (a `file:` reader has no card events); resolves with the ticket menu. */
export async function presentCard(gate: InkDriver): Promise<string> {
  await gate.waitFor('PRESENT A CARD');
  await gate.press(KEY.space);
  return gate.waitFor('Choose a ticket');
}

/** The menu row of ticket `number` (its first line) in a frame. */
export function menuRow(frame: string, number: number): string {
  return frame.split('\n').find((line) => new RegExp(`^..\\s*${number}  `).test(line)) ?? '';
}
