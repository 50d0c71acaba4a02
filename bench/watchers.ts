/**
 * The kiosks of a bench run watching seats left (issue 19: the center's RSS within 200 MB with
 * 2,000 WatchAvailability streams open).
 */
import { CenterClient } from '../terminal/center-client.js';

/** `count` kiosks watching seats left on one connection, live (each has had its first update) until close(). */
export async function watchAvailability(address: string, token: string, count: number) {
  const client = new CenterClient(address, token);
  let updates = 0;
  let failed: string | undefined;
  const opened: Array<Promise<void>> = [];
  const cancels = Array.from({ length: count }, (_, i) => {
    let first: () => void = () => {};
    opened[i] = new Promise<void>((resolve) => (first = resolve));
    return client.watchAvailability(
      [],
      () => {
        updates++;
        first();
      },
      (error) => {
        failed ??= error?.details ?? 'a stream ended';
        first();
      },
    );
  });
  await Promise.all(opened);
  if (failed) throw new Error(`WatchAvailability: ${failed}`);
  return {
    close() {
      for (const cancel of cancels) cancel();
      client.close();
      return { streams: count, updates, failed: failed ?? null };
    },
  };
}
