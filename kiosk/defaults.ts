/** The kiosk's defaults, in a module of their own so the CLI can show them without loading the UI. */

/** Back to Home, entered data wiped, after this long without a key. */
export const DEFAULT_IDLE_MS = 120_000;
