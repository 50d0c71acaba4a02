/**
 * The monitor's memory of the admission stream (SPEC §10), pure: each event from WatchAdmissions
 * folded into per-gate admissions per minute, exits, refusals by reason, and the latest conflicts.
 * Minutes are the events' own (`at`, the deciding center's or off-line gate's clock), so an off-line
 * admission uploaded later lands in the minute it happened.
 */
import { AdmissionResult, type WatchAdmissionsResponse } from '../../gen/cardgate/v1/admin.js';
import { Direction, RejectReason } from '../../gen/cardgate/v1/gate.js';

const MINUTE_MS = 60_000;
/** Minutes of history kept per gate: more than any sparkline shows, and the 15 minutes an annulment may reach back. */
export const KEPT_MINUTES = 60;
/** Conflicts remembered for the screen, newest first. */
export const LATEST_CONFLICTS = 5;

export interface GateTally {
  /** Entries per minute number (ms since the epoch / 60 000), annulled entries taken out again. */
  readonly entriesByMinute: Readonly<Record<number, number>>;
  readonly entries: number;
  readonly exits: number;
  readonly refusals: Readonly<Partial<Record<RejectReason, number>>>;
  /** The minute of each ticket's last entry here, so an annulment takes it out of that minute. */
  readonly lastEntry: Readonly<Record<string, number>>;
}

export interface ConflictSeen {
  readonly gateId: string;
  readonly ticketId: string;
  readonly productId: string;
  readonly at: Date;
}

export interface AdmissionTally {
  readonly gates: Readonly<Record<string, GateTally>>;
  /** Newest first, at most LATEST_CONFLICTS. */
  readonly conflicts: readonly ConflictSeen[];
  /** Events folded in. */
  readonly events: number;
}

export const emptyTally: AdmissionTally = { gates: {}, conflicts: [], events: 0 };

const emptyGate: GateTally = { entriesByMinute: {}, entries: 0, exits: 0, refusals: {}, lastEntry: {} };

export const minuteOf = (at: Date) => Math.floor(at.getTime() / MINUTE_MS);

/** The tally with one more event. */
export function foldEvent(tally: AdmissionTally, event: WatchAdmissionsResponse): AdmissionTally {
  const at = event.at ?? new Date();
  const gate = foldGate(tally.gates[event.gateId] ?? emptyGate, event, minuteOf(at));
  const conflicts = event.conflict
    ? [{ gateId: event.gateId, ticketId: event.ticketId, productId: event.productId, at }, ...tally.conflicts].slice(
        0,
        LATEST_CONFLICTS,
      )
    : tally.conflicts;
  return { gates: { ...tally.gates, [event.gateId]: gate }, conflicts, events: tally.events + 1 };
}

function foldGate(gate: GateTally, event: WatchAdmissionsResponse, minute: number): GateTally {
  switch (event.result) {
    case AdmissionResult.ADMISSION_RESULT_ADMITTED:
      return prune({
        ...gate,
        entriesByMinute: add(gate.entriesByMinute, minute, 1),
        entries: gate.entries + 1,
        lastEntry: { ...gate.lastEntry, [event.ticketId]: minute },
      });
    case AdmissionResult.ADMISSION_RESULT_EXITED:
      return { ...gate, exits: gate.exits + 1 };
    case AdmissionResult.ADMISSION_RESULT_REFUSED:
      return { ...gate, refusals: { ...gate.refusals, [event.reason]: (gate.refusals[event.reason] ?? 0) + 1 } };
    case AdmissionResult.ADMISSION_RESULT_ANNULLED:
      return annul(gate, event);
    default:
      return gate;
  }
}

/** An annulled entry no longer counts (SPEC §10): out of its minute and the total; an annulled exit out of the exits. */
function annul(gate: GateTally, event: WatchAdmissionsResponse): GateTally {
  if (event.direction === Direction.DIRECTION_EXIT) return { ...gate, exits: Math.max(0, gate.exits - 1) };
  const minute = gate.lastEntry[event.ticketId];
  // An entry from before the monitor started: nothing of it was counted here.
  if (minute === undefined) return gate;
  const { [event.ticketId]: _gone, ...lastEntry } = gate.lastEntry;
  const inWindow = gate.entriesByMinute[minute] !== undefined;
  return {
    ...gate,
    entriesByMinute: inWindow ? add(gate.entriesByMinute, minute, -1) : gate.entriesByMinute,
    entries: Math.max(0, gate.entries - 1),
    lastEntry,
  };
}

function add(byMinute: Readonly<Record<number, number>>, minute: number, n: number): Record<number, number> {
  return { ...byMinute, [minute]: Math.max(0, (byMinute[minute] ?? 0) + n) };
}

/** Forgets minutes (and last entries) older than KEPT_MINUTES before the newest one, so a long night uses bounded memory. */
function prune(gate: GateTally): GateTally {
  const minutes = Object.keys(gate.entriesByMinute).map(Number);
  const oldest = Math.max(...minutes) - KEPT_MINUTES;
  if (Math.min(...minutes) >= oldest) return gate;
  const keep = <T>(record: Readonly<Record<string | number, T>>, minuteOfEntry: (value: T, key: string) => number) =>
    Object.fromEntries(Object.entries(record).filter(([key, value]) => minuteOfEntry(value, key) >= oldest));
  return {
    ...gate,
    entriesByMinute: keep(gate.entriesByMinute, (_, key) => Number(key)),
    lastEntry: keep(gate.lastEntry, (value) => value),
  };
}

/** Entries per minute at `gate` for the `minutes` minutes up to and including the one `now` is in, oldest first. */
export function entriesPerMinute(gate: GateTally | undefined, now: Date, minutes: number): number[] {
  const last = minuteOf(now);
  return Array.from({ length: minutes }, (_, i) => gate?.entriesByMinute[last - minutes + 1 + i] ?? 0);
}

export interface RefusalRow {
  readonly reason: RejectReason;
  /** Refusals at each gate, in the order of `gateIds`. */
  readonly byGate: readonly number[];
  readonly total: number;
}

/** One row per reason seen, most frequent first, with a count per gate of `gateIds`. */
export function refusalRows(tally: AdmissionTally, gateIds: readonly string[]): RefusalRow[] {
  const reasons = new Set<RejectReason>();
  for (const gate of Object.values(tally.gates))
    for (const reason of Object.keys(gate.refusals)) reasons.add(Number(reason) as RejectReason);
  return [...reasons]
    .map((reason) => {
      const byGate = gateIds.map((id) => tally.gates[id]?.refusals[reason] ?? 0);
      const total = Object.values(tally.gates).reduce((sum, gate) => sum + (gate.refusals[reason] ?? 0), 0);
      return { reason, byGate, total };
    })
    .sort((a, b) => b.total - a.total || a.reason - b.reason);
}

/** Gate ids seen, in order. */
export const gateIdsOf = (tally: AdmissionTally): string[] => Object.keys(tally.gates).sort();

/** Refusals at a gate, all reasons together. */
export const refusalsAt = (gate: GateTally | undefined): number =>
  Object.values(gate?.refusals ?? {}).reduce((sum: number, n) => sum + (n ?? 0), 0);
