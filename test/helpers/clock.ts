/** A clock tests can move forward, handed to the center as its `now`. */
export class TestClock {
  private offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
