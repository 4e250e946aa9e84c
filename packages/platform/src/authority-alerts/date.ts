// The day an alerts run is for: `--date YYYY-MM-DD`, or today. Shared by `npm run alerts:run` and the
// production job (authority-alerts-main.ts), so both refuse the same bad dates.

/** Today as the platform counts it: the UTC date (platform.ts's default clock). */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/** The --date argument (default: today), checked as a real calendar date. */
export function dateArgument(argv: readonly string[], today: string): string | { problem: string } {
  const at = argv.indexOf('--date');
  const value = at >= 0 ? argv[at + 1] : today;
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { problem: `--date must be YYYY-MM-DD, got '${value ?? ''}'` };
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return { problem: `--date ${value} is not a real calendar date` };
  return value;
}
