/**
 * The UIs the `npm start` launcher offers, in menu order. To add one, write
 * an `xxx-entry.ts` exporting a `LauncherEntry` (see kiosk-entry.ts) and
 * list it here; nothing else changes.
 */
import { gateEntry } from './gate-entry.js';
import { kioskEntry } from './kiosk-entry.js';
import type { LauncherEntry } from './launcher-entry.js';

export const LAUNCHER_ENTRIES: readonly LauncherEntry[] = [kioskEntry, gateEntry];
