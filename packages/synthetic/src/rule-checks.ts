// Helpers for the tests that check generated data against its rules.

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(row);
    map.set(key(row), list);
  }
  return map;
}

/** Collects rule breaches so one assertion reports them all (up to 20). */
export function breaches(): { check: (ok: boolean, what: string) => void; list: string[] } {
  const list: string[] = [];
  return { list, check: (ok, what) => void (ok || list.length >= 20 || list.push(what)) };
}
