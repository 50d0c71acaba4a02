/** Times on the dashboard: to the second, since the operator compares them with a gate's clock. */

/** "19:02:11" in the terminal's time zone. */
export function clockTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}
