/** Renders the real <GateApp> with ink-testing-library against a real center and a file: card, with key helpers. */
import type { ExecutionContext } from 'ava';
import { render } from 'ink-testing-library';
import { openCardReader } from '../../card/open-card-reader.js';
import { GateApp, type GateAppProps } from '../../gate/run-gate.js';
import type { CenterClient } from '../../terminal/center-client.js';

export const KEY = { up: '\u001B[A', down: '\u001B[B', enter: '\r', escape: '\u001B', space: ' ' } as const;

export interface RenderedGate {
  frame(): string;
  press(key: string): Promise<void>;
  /** Resolves with the frame once it matches; fails the test with the last frame after 10 s. */
  waitFor(pattern: RegExp | string): Promise<string>;
  /** Resolves once `pattern` is no longer on screen. */
  waitForGone(pattern: RegExp | string): Promise<string>;
  unmount(): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const matches = (frame: string, pattern: RegExp | string) => (typeof pattern === 'string' ? frame.includes(pattern) : pattern.test(frame));

export async function renderGate(t: ExecutionContext, center: CenterClient, cardSpec: string, props: Partial<GateAppProps> = {}): Promise<RenderedGate> {
  const reader = await openCardReader(cardSpec);
  const app = render(<GateApp center={center} reader={reader} gateId="G1" verdictSeconds={60} {...props} />);
  t.teardown(async () => {
    app.unmount();
    await reader.close();
  });
  const frame = () => app.lastFrame() ?? '';
  const until = async (done: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!done(frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${frame()}`);
      await pause(20);
    }
    return frame(); // a key or a card may follow at once: the gate listens from the moment a screen is committed
  };
  return {
    frame,
    async press(key) {
      app.stdin.write(key);
      await pause(30);
    },
    waitFor: (pattern) => until((f) => matches(f, pattern), String(pattern)),
    waitForGone: (pattern) => until((f) => !matches(f, pattern), `${pattern} to go`),
    unmount: () => app.unmount(),
  };
}

/** The menu row of ticket `number` (its first line) in a frame. */
export function menuRow(frame: string, number: number): string {
  return frame.split('\n').find((line) => new RegExp(`^..\\s*${number}  `).test(line)) ?? '';
}
