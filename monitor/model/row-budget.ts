/**
 * How the dashboard's lists share the rows the terminal has: each list gets at least one, then one
 * more each in turn (products, gates, refusals, conflicts) while it has more to show, so no list
 * pushes the others off an 80 × 24 screen and a taller terminal shows more of each.
 */

export interface Sections<T = number> {
  readonly products: T;
  readonly gates: T;
  readonly refusals: T;
  readonly conflicts: T;
}

const ORDER = ['products', 'gates', 'refusals', 'conflicts'] as const;

/** Rows of each list, given the `rows` all lists share and how many rows each would like. */
export function rowBudget(rows: number, wants: Sections): Sections {
  const given = { products: 1, gates: 1, refusals: 1, conflicts: 0 };
  let left = rows - 3;
  for (let more = true; more && left > 0;) {
    more = false;
    for (const section of ORDER) {
      if (left > 0 && given[section] < wants[section]) {
        given[section]++;
        left--;
        more = true;
      }
    }
  }
  return given;
}

/** The items a list of `rows` rows shows of `items`, and how many it leaves out (said on its last row). */
export function fitRows<T>(items: readonly T[], rows: number): { shown: readonly T[]; more: number } {
  if (items.length <= rows) return { shown: items, more: 0 };
  const shown = items.slice(0, Math.max(0, rows - 1));
  return { shown, more: items.length - shown.length };
}
